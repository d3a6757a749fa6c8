# Forefront TMG 2010 web publishing for reverse proxy rp-hosting (Lync Server 2013), generated
# by lynctopo. Run elevated on the TMG array manager. Idempotent: the listener and every rule of
# the same name are updated in place. Settings: no authentication on the listener, "No
# delegation, but client may authenticate directly", original host header forwarded, bridging
# 443 -> 4443 and 80 -> 8080 (Office Web Apps 443/80), path /*, link translation off, requests
# from the External network only. Requirements:
# https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/lync-server-2013-configuration-requirements-for-reverse-proxy
# Before running: import certificate proxy-rp-hosting (with its private key) into the computer's
# Personal store and pass its thumbprint: .\tmg-publish.ps1 -CertificateThumbprint <hex>
param([Parameter(Mandatory = $true)][string]$CertificateThumbprint)
$ErrorActionPreference = 'Stop'

$root = New-Object -ComObject 'FPC.Root'
$array = $root.GetContainingArray()

# --- Web listener: HTTPS 443 / HTTP 80 (0 = off), no authentication.
$listenerName = 'Lync rp-hosting web listener'
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
$listener.IPsOnNetworks.Add('External', 2, '198.51.100.80')

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

# dialin.litwareinc.com (dialin, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync dialin dialin.litwareinc.com' -PublicName 'dialin.litwareinc.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.adatum.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.adatum.com' -PublicName 'lyncdiscover.adatum.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.alpineskihouse.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.alpineskihouse.com' -PublicName 'lyncdiscover.alpineskihouse.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.bellowscollege.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.bellowscollege.com' -PublicName 'lyncdiscover.bellowscollege.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.bestforyouorganic.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.bestforyouorganic.com' -PublicName 'lyncdiscover.bestforyouorganic.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.blueyonderairlines.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.blueyonderairlines.com' -PublicName 'lyncdiscover.blueyonderairlines.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.cohovineyard.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.cohovineyard.com' -PublicName 'lyncdiscover.cohovineyard.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.cohowinery.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.cohowinery.com' -PublicName 'lyncdiscover.cohowinery.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.consolidatedmessenger.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.consolidatedmessenger.com' -PublicName 'lyncdiscover.consolidatedmessenger.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.cpandl.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.cpandl.com' -PublicName 'lyncdiscover.cpandl.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.fourthcoffee.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.fourthcoffee.com' -PublicName 'lyncdiscover.fourthcoffee.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.graphicdesigninstitute.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.graphicdesigninstitute.com' -PublicName 'lyncdiscover.graphicdesigninstitute.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.humongousinsurance.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.humongousinsurance.com' -PublicName 'lyncdiscover.humongousinsurance.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.lamnahealthcare.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.lamnahealthcare.com' -PublicName 'lyncdiscover.lamnahealthcare.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.libertysdelightfulsinfulbakery.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.libertysdelightfulsinfulbakery.com' -PublicName 'lyncdiscover.libertysdelightfulsinfulbakery.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.litwareinc.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.litwareinc.com' -PublicName 'lyncdiscover.litwareinc.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.lucernepublishing.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.lucernepublishing.com' -PublicName 'lyncdiscover.lucernepublishing.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.margiestravel.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.margiestravel.com' -PublicName 'lyncdiscover.margiestravel.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.munsonspicklesandpreservesfarm.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.munsonspicklesandpreservesfarm.com' -PublicName 'lyncdiscover.munsonspicklesandpreservesfarm.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.northwindtraders.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.northwindtraders.com' -PublicName 'lyncdiscover.northwindtraders.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.proseware.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.proseware.com' -PublicName 'lyncdiscover.proseware.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.relecloud.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.relecloud.com' -PublicName 'lyncdiscover.relecloud.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.schoolofficeproducts.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.schoolofficeproducts.com' -PublicName 'lyncdiscover.schoolofficeproducts.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.southridgevideo.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.southridgevideo.com' -PublicName 'lyncdiscover.southridgevideo.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tailspintoys.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tailspintoys.com' -PublicName 'lyncdiscover.tailspintoys.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant01.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant01.litware.net' -PublicName 'lyncdiscover.tenant01.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant02.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant02.litware.net' -PublicName 'lyncdiscover.tenant02.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant03.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant03.litware.net' -PublicName 'lyncdiscover.tenant03.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant04.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant04.litware.net' -PublicName 'lyncdiscover.tenant04.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant05.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant05.litware.net' -PublicName 'lyncdiscover.tenant05.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant06.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant06.litware.net' -PublicName 'lyncdiscover.tenant06.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant07.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant07.litware.net' -PublicName 'lyncdiscover.tenant07.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant08.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant08.litware.net' -PublicName 'lyncdiscover.tenant08.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant09.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant09.litware.net' -PublicName 'lyncdiscover.tenant09.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant10.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant10.litware.net' -PublicName 'lyncdiscover.tenant10.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant11.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant11.litware.net' -PublicName 'lyncdiscover.tenant11.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant12.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant12.litware.net' -PublicName 'lyncdiscover.tenant12.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant13.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant13.litware.net' -PublicName 'lyncdiscover.tenant13.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant14.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant14.litware.net' -PublicName 'lyncdiscover.tenant14.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant15.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant15.litware.net' -PublicName 'lyncdiscover.tenant15.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant16.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant16.litware.net' -PublicName 'lyncdiscover.tenant16.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant17.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant17.litware.net' -PublicName 'lyncdiscover.tenant17.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant18.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant18.litware.net' -PublicName 'lyncdiscover.tenant18.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant19.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant19.litware.net' -PublicName 'lyncdiscover.tenant19.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant20.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant20.litware.net' -PublicName 'lyncdiscover.tenant20.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.tenant21.litware.net (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.tenant21.litware.net' -PublicName 'lyncdiscover.tenant21.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.treyresearch.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.treyresearch.com' -PublicName 'lyncdiscover.treyresearch.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.wideworldimporters.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.wideworldimporters.com' -PublicName 'lyncdiscover.wideworldimporters.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.widgetsandthings.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.widgetsandthings.com' -PublicName 'lyncdiscover.widgetsandthings.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.wingtiptoys.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.wingtiptoys.com' -PublicName 'lyncdiscover.wingtiptoys.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# lyncdiscover.woodgrovebank.com (lyncdiscover, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync lyncdiscover lyncdiscover.woodgrovebank.com' -PublicName 'lyncdiscover.woodgrovebank.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 1 -SslPort 4443 -HttpPort 0 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.adatum.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.adatum.com' -PublicName 'meet.adatum.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.alpineskihouse.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.alpineskihouse.com' -PublicName 'meet.alpineskihouse.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.bellowscollege.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.bellowscollege.com' -PublicName 'meet.bellowscollege.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.bestforyouorganic.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.bestforyouorganic.com' -PublicName 'meet.bestforyouorganic.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.blueyonderairlines.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.blueyonderairlines.com' -PublicName 'meet.blueyonderairlines.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.cohovineyard.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.cohovineyard.com' -PublicName 'meet.cohovineyard.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.cohowinery.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.cohowinery.com' -PublicName 'meet.cohowinery.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.consolidatedmessenger.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.consolidatedmessenger.com' -PublicName 'meet.consolidatedmessenger.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.cpandl.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.cpandl.com' -PublicName 'meet.cpandl.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.fourthcoffee.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.fourthcoffee.com' -PublicName 'meet.fourthcoffee.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.graphicdesigninstitute.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.graphicdesigninstitute.com' -PublicName 'meet.graphicdesigninstitute.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.humongousinsurance.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.humongousinsurance.com' -PublicName 'meet.humongousinsurance.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.lamnahealthcare.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.lamnahealthcare.com' -PublicName 'meet.lamnahealthcare.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.libertysdelightfulsinfulbakery.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.libertysdelightfulsinfulbakery.com' -PublicName 'meet.libertysdelightfulsinfulbakery.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.litwareinc.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.litwareinc.com' -PublicName 'meet.litwareinc.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.lucernepublishing.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.lucernepublishing.com' -PublicName 'meet.lucernepublishing.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.margiestravel.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.margiestravel.com' -PublicName 'meet.margiestravel.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.munsonspicklesandpreservesfarm.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.munsonspicklesandpreservesfarm.com' -PublicName 'meet.munsonspicklesandpreservesfarm.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.northwindtraders.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.northwindtraders.com' -PublicName 'meet.northwindtraders.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.proseware.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.proseware.com' -PublicName 'meet.proseware.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.relecloud.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.relecloud.com' -PublicName 'meet.relecloud.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.schoolofficeproducts.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.schoolofficeproducts.com' -PublicName 'meet.schoolofficeproducts.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.southridgevideo.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.southridgevideo.com' -PublicName 'meet.southridgevideo.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tailspintoys.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tailspintoys.com' -PublicName 'meet.tailspintoys.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant01.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant01.litware.net' -PublicName 'meet.tenant01.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant02.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant02.litware.net' -PublicName 'meet.tenant02.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant03.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant03.litware.net' -PublicName 'meet.tenant03.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant04.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant04.litware.net' -PublicName 'meet.tenant04.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant05.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant05.litware.net' -PublicName 'meet.tenant05.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant06.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant06.litware.net' -PublicName 'meet.tenant06.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant07.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant07.litware.net' -PublicName 'meet.tenant07.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant08.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant08.litware.net' -PublicName 'meet.tenant08.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant09.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant09.litware.net' -PublicName 'meet.tenant09.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant10.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant10.litware.net' -PublicName 'meet.tenant10.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant11.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant11.litware.net' -PublicName 'meet.tenant11.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant12.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant12.litware.net' -PublicName 'meet.tenant12.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant13.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant13.litware.net' -PublicName 'meet.tenant13.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant14.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant14.litware.net' -PublicName 'meet.tenant14.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant15.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant15.litware.net' -PublicName 'meet.tenant15.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant16.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant16.litware.net' -PublicName 'meet.tenant16.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant17.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant17.litware.net' -PublicName 'meet.tenant17.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant18.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant18.litware.net' -PublicName 'meet.tenant18.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant19.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant19.litware.net' -PublicName 'meet.tenant19.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant20.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant20.litware.net' -PublicName 'meet.tenant20.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.tenant21.litware.net (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.tenant21.litware.net' -PublicName 'meet.tenant21.litware.net' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.treyresearch.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.treyresearch.com' -PublicName 'meet.treyresearch.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.wideworldimporters.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.wideworldimporters.com' -PublicName 'meet.wideworldimporters.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.widgetsandthings.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.widgetsandthings.com' -PublicName 'meet.widgetsandthings.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.wingtiptoys.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.wingtiptoys.com' -PublicName 'meet.wingtiptoys.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# meet.woodgrovebank.com (meet, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync meet meet.woodgrovebank.com' -PublicName 'meet.woodgrovebank.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

# webext.litwareinc.com (external-web, pool pool01.litware.local) -> webext.litwareinc.com; No delegation, but client may authenticate directly
Set-LyncPublishingRule -Name 'Lync external-web webext.litwareinc.com' -PublicName 'webext.litwareinc.com' -InternalSite 'webext.litwareinc.com' -Path '/*' -ServerType 2 -SslPort 4443 -HttpPort 8080 -Delegation 0 -ForwardHostHeader $true -TranslateLinks $false

$rules.Save()
Write-Host 'TMG web publishing rules saved. Use "Test Rule" in the console to check each rule.'
