// Unit tests of the PowerShell checker: each normalisation step is needed (the construct is the
// only error without it) and sufficient (no error with it); the checker still fails on real
// syntax errors; the parse-tree assertions catch unguarded changes and broken-out names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NORMALISATIONS, checkSource, parse, syntaxProblems, normalise } from './pscheck-lib.mjs';

const raw = async (text) => syntaxProblems(await parse(text, { normalised: false }));
const checked = async (text) => syntaxProblems(await parse(text));
const step = (name) => NORMALISATIONS.find((s) => s.name === name);

test('a parameter name with a digit is the only error, and valid after its normalisation', async () => {
  const script = "Add-DnsServerResourceRecordA -ZoneName 'contoso.com' -Name 'sip' -IPv4Address '10.0.0.1'\n";
  const before = await raw(script);
  assert.equal(before.length, 1);
  assert.equal(before[0].line, 1);
  assert.equal(before[0].col, 1);  // the grammar flags the command up to -IPv4Address
  assert.match(script.slice(0, 100), /-IPv4Address/);
  const fixed = step('parameter-name-with-digit').apply(script);
  assert.equal(fixed.length, script.length);
  assert.deepEqual(syntaxProblems(await parse(fixed, { normalised: false })), []);
  // Only the parameter changed: the literal that holds a digit is untouched.
  assert.equal(fixed, script.replace('-IPv4Address', '-IPvxAddress'));
});

test('a bare-word array argument is the only error, and valid after its normalisation', async () => {
  const script = "Request-CsCertificate -New -Type Default,WebServicesInternal -ComputerFqdn 'fe01.contoso.local'\n";
  const before = await raw(script);
  assert.equal(before.length, 1);
  assert.match(before[0].message, /missing/);
  assert.equal(before[0].col, script.indexOf(',') + 1);
  const fixed = step('bare-word-array-argument').apply(script);
  assert.equal(fixed, script.replace(',', ' '));
  assert.deepEqual(syntaxProblems(await parse(fixed, { normalised: false })), []);
});

test('normalisation leaves quoted text and expressions alone', async () => {
  const script = "$a = 'x,y'; $b = @(1,2); Write-Host -Object $a\n";
  assert.equal(normalise(script), script);
});

test('an unclosed string fails', async () => {
  const problems = await checked("Write-Host 'unclosed\nWrite-Host 'next'\n");
  assert.ok(problems.length > 0);
});

test('an unclosed double-quoted string fails', async () => {
  assert.ok((await checked('Write-Host "unclosed\n')).length > 0);
});

test('an unbalanced brace fails', async () => {
  assert.ok((await checked("if ($true) {\n  Write-Host 'x'\n")).length > 0);
  assert.ok((await checked("Write-Host 'x'\n}\n")).length > 0);
});

test('a valid script has no problems', async () => {
  const script = [
    '[CmdletBinding(SupportsShouldProcess)]',
    'param([switch]$Prune)',
    "$found = Get-DnsServerResourceRecord -ZoneName 'contoso.com' -Name 'sip' -ErrorAction SilentlyContinue",
    'if (-not $found) {',
    "  if ($PSCmdlet.ShouldProcess('sip.contoso.com', 'add A 10.0.0.1')) {",
    "    Add-DnsServerResourceRecordA -ZoneName 'contoso.com' -Name 'sip' -IPv4Address '10.0.0.1'",
    '  }',
    '}',
  ].join('\n') + '\n';
  assert.deepEqual(await checkSource(script, { shouldProcess: true }), []);
});

test('a change outside ShouldProcess is reported at its position', async () => {
  const script = "[CmdletBinding(SupportsShouldProcess)]\nparam()\nif (-not (Get-X)) {\n  Enable-CsTopology\n}\n";
  const problems = await checkSource(script, { shouldProcess: true });
  assert.equal(problems.length, 1);
  assert.deepEqual([problems[0].line, problems[0].col], [4, 3]);
  assert.match(problems[0].message, /Enable-CsTopology is not inside/);
});

test('a change in the else branch of ShouldProcess is not guarded', async () => {
  const script = "[CmdletBinding(SupportsShouldProcess)]\nparam()\nif ($x) { if ($PSCmdlet.ShouldProcess('a')) { } else { Enable-CsTopology } }\n";
  const problems = await checkSource(script, { shouldProcess: true });
  assert.equal(problems.length, 1);
});

test('a change behind ShouldProcess alone is not behind a read of the state', async () => {
  const script = "[CmdletBinding(SupportsShouldProcess)]\nparam()\nif ($PSCmdlet.ShouldProcess('x')) { Request-CsCertificate -New }\n";
  const problems = await checkSource(script, { shouldProcess: true });
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /read of the current state/);
});

test('a script without SupportsShouldProcess is reported', async () => {
  const problems = await checkSource('[CmdletBinding()]\nparam()\nWrite-Host 1\n', { shouldProcess: true });
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /SupportsShouldProcess/);
});

test('COM property writes and method calls need ShouldProcess too', async () => {
  const script = "[CmdletBinding(SupportsShouldProcess)]\nparam()\n$rule.Enabled = $true\n$rules.Save()\n";
  const problems = await checkSource(script, { shouldProcess: true });
  assert.deepEqual(problems.map((p) => p.line), [3, 4]);
});

test('an embedded name must stay one single-quoted literal', async () => {
  const good = "Write-Host 'it''s; $(x) `n'\n";
  assert.deepEqual(await checkSource(good, { literals: ["it''s; $(x) `n"] }), []);
  const broken = "Write-Host 'it's; Remove-Item x; '\n";
  const problems = await checkSource(broken, { literals: ["it's; Remove-Item x; "] });
  assert.ok(problems.some((p) => /not inside one single-quoted/.test(p.message)));
  // A name that ends its literal early yet still parses: only the tree shows it.
  const early = "Write-Host 'a' 'b'\n";
  assert.deepEqual(syntaxProblems(await parse(early)), []);
  assert.equal((await checkSource(early, { literals: ["a' 'b"] })).length, 1);
});

test('names in comments are fine', async () => {
  assert.deepEqual(await checkSource("# site it's\nWrite-Host 1\n", { literals: ["it's"] }), []);
});

test('an early return on the current state counts as the read before a change', async () => {
  const guarded = "[CmdletBinding(SupportsShouldProcess)]\nparam()\nfunction F {\n  if (Get-X) { Write-Host 'unchanged'; return }\n  if ($PSCmdlet.ShouldProcess('x')) { Request-CsCertificate -New }\n}\nF\n";
  assert.deepEqual(await checkSource(guarded, { shouldProcess: true }), []);
  // An if without return guards nothing after it.
  const unguarded = guarded.replace("; return }", " }");
  assert.equal((await checkSource(unguarded, { shouldProcess: true })).length, 1);
});
