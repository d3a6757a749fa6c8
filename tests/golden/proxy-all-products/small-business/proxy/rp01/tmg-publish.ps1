# Forefront TMG 2010 web publishing for reverse proxy rp01 (Lync Server 2013), generated
# by lynctopo. Run elevated on the TMG array manager. Idempotent: the listener and every rule of
# the same name are updated in place. Settings: no authentication on the listener, "No
# delegation, but client may authenticate directly", original host header forwarded, bridging
# 443 -> 4443 and 80 -> 8080 (Office Web Apps 443/80), path /*, link translation off, requests
# from the External network only. Requirements:
# https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/lync-server-2013-configuration-requirements-for-reverse-proxy
# Before running: import certificate proxy-rp01 (with its private key) into the computer's
# Personal store and pass its thumbprint: .\tmg-publish.ps1 -CertificateThumbprint <hex>
param([Parameter(Mandatory = $true)][string]$CertificateThumbprint)
$ErrorActionPreference = 'Stop'

$root = New-Object -ComObject 'FPC.Root'
$array = $root.GetContainingArray()

# --- Web listener: HTTPS 443 / HTTP 80 (0 = off), no authentication.
$listenerName = 'Lync rp01 web listener'
$listeners = $array.RuleElements.WebListeners
$listener = $null
try { $listener = $listeners.Item($listenerName) } catch { $listener = $null }
if (-not $listener) { $listener = $listeners.Add($listenerName) }
$listener.Properties.SSLPort = 443
$listener.Properties.TCPPort = 80
$listener.Properties.IntegratedWindowsAuthentication = $false
$listener.Properties.SSOEnabled = $false
$listener.Properties.RedirectHTTPAsHTTPS = 0
$listener.IPsOnNetworks.RemoveAll()
$listener.IPsOnNetworks.Add('External', 2, '203.0.113.20')

$certificate = Get-Item ('Cert:\LocalMachine\My\' + $CertificateThumbprint)
$listener.Properties.AppliedSSLCertificates.RemoveAll()
$listener.Properties.AppliedSSLCertificates.Add($certificate.GetCertHash(), '')
$listener.Save()

# --- One web publishing rule per public host.
$rules = $array.ArrayPolicy.PolicyRules

function Set-LyncPublishingRule(
    [string]$Name, [string]$PublicName, [string]$InternalSite, [string]$Path,
    [int]$ServerType, [int]$SslPort, [int]$HttpPort, [int]$Delegation,
    [bool]$ForwardHostHeader, [bool]$TranslateLinks) {
  $rule = $null
  try { $rule = $rules.Item($Name) } catch { $rule = $null }
  if (-not $rule) { $rule = $rules.AddWebPublishingRule($Name) }
  $rule.Action = 0                                  # Allow
  $rule.Enabled = $true
  $web = $rule.WebPublishingProperties
  $web.PublishedServerApplication = 0               # a single Web site or load balancer
  $web.WebSite = $InternalSite
  $web.PublishedServer = ''
  $web.SetWebListener($listenerName)
  $web.PublicNames.RemoveAll()
  $web.PublicNames.Add($PublicName)
  $web.AllPublicNames = $false
  $web.PathMappings.RemoveAll()
  $web.PathMappings.Add($Path, $true, '')
  $web.SendOriginalHostHeader = $ForwardHostHeader
  $web.TranslateLinks = $TranslateLinks
  $web.CredentialsDelegationType = $Delegation
  $web.PublishedServerType = $ServerType
  if ($SslPort -gt 0) { $web.SSLRedirectPort = $SslPort }
  if ($HttpPort -gt 0) { $web.HTTPRedirectPort = $HttpPort }
  $rule.SourceSelectionIPs.Networks.RemoveAll()
  $rule.SourceSelectionIPs.Networks.Add('External', 0)
}

# dialin.fabrikam.com (dialin, pool se01.fabrikam.local) -> webext.fabrikam.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync dialin dialin.fabrikam.com' -PublicName 'dialin.fabrikam.com' -InternalSite 'webext.fabrikam.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.fabrikam.com (lyncdiscover, pool se01.fabrikam.local) -> webext.fabrikam.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.fabrikam.com' -PublicName 'lyncdiscover.fabrikam.com' -InternalSite 'webext.fabrikam.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.fabrikam.com (meet, pool se01.fabrikam.local) -> webext.fabrikam.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.fabrikam.com' -PublicName 'meet.fabrikam.com' -InternalSite 'webext.fabrikam.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# webext.fabrikam.com (external-web, pool se01.fabrikam.local) -> webext.fabrikam.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync external-web webext.fabrikam.com' -PublicName 'webext.fabrikam.com' -InternalSite 'webext.fabrikam.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

$rules.Save()
Write-Host 'TMG web publishing rules saved. Use "Test Rule" in the console to check each rule.'
