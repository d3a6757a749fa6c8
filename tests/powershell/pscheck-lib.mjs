// The PowerShell checks behind pscheck.mjs: parse with the tree-sitter grammar, report every
// ERROR / MISSING node with its position, and assert on the parse tree what the grammar alone
// cannot (changes behind -WhatIf, embedded names that stay one string literal).
//
// The grammar rejects some valid PowerShell. Each such gap has one normalisation step below,
// each with its own unit test (pscheck.test.mjs) proving the construct is valid and is the only
// error. Steps replace characters one for one, so every position stays the source's position.

import { Parser, Language } from 'web-tree-sitter';
import { createRequire } from 'node:module';
import v8 from 'node:v8';

// V8's optimising tier recompiles the grammar in the background, and Node waits for that
// (tens of seconds of CPU) before it can exit; the baseline compiler parses fast enough.
v8.setFlagsFromString('--liftoff-only');

const require = createRequire(import.meta.url);

let parserPromise = null;

export function loadParser() {
  parserPromise ??= (async () => {
    await Parser.init();
    const wasm = require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

// Gap 1: a parameter name holding a digit (-IPv4Address, -Name1) is an ERROR. The digits become
// letters; the parameter keeps its place and its length.
const PARAMETER_WITH_DIGIT = /(?<=[\s(])-[A-Za-z][A-Za-z0-9]*[0-9][A-Za-z0-9]*(?=[\s:)]|$)/gm;

// Gap 2: a bare-word array argument (-Type Default,WebServicesInternal) is a MISSING node at
// the comma. The commas between bare words become spaces: two arguments, the same positions.
const BARE_WORD_LIST = /(?<=\s-[A-Za-z][A-Za-z0-9]*[ \t]+)[A-Za-z][A-Za-z0-9._]*(?:,[A-Za-z][A-Za-z0-9._]*)+(?=[\s;)}]|$)/gm;

export const NORMALISATIONS = [
  {
    name: 'parameter-name-with-digit',
    apply: (text) => text.replace(PARAMETER_WITH_DIGIT, (m) => m.replace(/[0-9]/g, 'x')),
  },
  {
    name: 'bare-word-array-argument',
    apply: (text) => text.replace(BARE_WORD_LIST, (m) => m.replace(/,/g, ' ')),
  },
];

export function normalise(text, steps = NORMALISATIONS) {
  let out = text;
  for (const step of steps) out = step.apply(out);
  if (out.length !== text.length) throw new Error('a normalisation step changed the length');
  return out;
}

export async function parse(text, { normalised = true } = {}) {
  const parser = await loadParser();
  return parser.parse(normalised ? normalise(text) : text);
}

function* walk(node) {
  const cursor = node.walk();
  let depth = 0;
  for (;;) {
    yield cursor.currentNode;
    if (cursor.gotoFirstChild()) { depth++; continue; }
    while (!cursor.gotoNextSibling()) {
      if (depth === 0 || !cursor.gotoParent()) return;
      depth--;
    }
  }
}

function position(node) {
  return { line: node.startPosition.row + 1, col: node.startPosition.column + 1 };
}

// Every ERROR and MISSING node, outermost first, as { line, col, message }.
export function syntaxProblems(tree) {
  const problems = [];
  for (const node of walk(tree.rootNode)) {
    if (node.isMissing) {
      problems.push({ ...position(node), message: `missing ${JSON.stringify(node.type)}` });
    } else if (node.type === 'ERROR') {
      const text = node.text.split('\n')[0].slice(0, 60);
      problems.push({ ...position(node), message: `syntax error at ${JSON.stringify(text)}` });
    }
  }
  return problems;
}

// Cmdlets and methods that change a system. Each call must sit in the then-branch of an
// `if ($PSCmdlet.ShouldProcess(...))` that is itself behind a read of the current state
// (another enclosing condition, or a condition joined to ShouldProcess).
export const WRITE_COMMANDS = new RegExp('^(' + [
  'Request-CsCertificate', 'Set-CsCertificate', 'Import-CsCertificate',
  'New-CsKerberosAccount', 'Set-CsKerberosAccountPassword', 'Enable-CsTopology',
  'New-CsKerberosAccountAssignment', 'Set-CsKerberosAccountAssignment', 'setspn',
  'Add-DnsServerResourceRecord[A-Za-z]*', 'Remove-DnsServerResourceRecord',
  'Set-DnsServerResourceRecord',
  'Install-WindowsFeature', 'Add-WindowsFeature',
  'Set-WebConfigurationProperty', 'Add-WebConfigurationProperty', 'Clear-WebConfiguration',
  'Set-WebConfiguration', 'New-WebBinding', 'Remove-WebBinding',
].join('|') + ')$', 'i');
// TMG's COM object model: every write is one of these calls or a property assignment.
export const WRITE_METHODS = /^(Save|Add|AddWebPublishingRule|RemoveAll|Remove|SetWebListener)$/i;

const SHOULD_PROCESS = /\$PSCmdlet\.ShouldProcess\s*\(/i;
const CONDITIONAL_CLAUSES = new Set(['if_statement', 'elseif_clause', 'else_clause']);

function writeName(node) {
  if (node.type === 'command') {
    const name = node.childForFieldName('command_name');
    // setspn writes with -R/-A/-S/-D; -Q, -L and -X only read.
    if (name && /^setspn$/i.test(name.text) && !/\s-[RASD](\s|$)/i.test(node.text)) return null;
    if (name && WRITE_COMMANDS.test(name.text)) return name.text;
  } else if (node.type === 'invokation_expression') {
    const member = node.namedChildren.find((c) => c.type === 'member_name');
    if (member && WRITE_METHODS.test(member.text)) return '.' + member.text + '()';
  } else if (node.type === 'assignment_expression') {
    const left = node.namedChildren.find((c) => c.type === 'left_assignment_expression');
    if (left && /^\$[\w:]+(\.[\w$]+)+\s*$/.test(left.text) && !/^\$script:/i.test(left.text)) {
      return left.text.trim() + ' =';
    }
  }
  return null;
}

// The if_statement / elseif_clause whose condition is `node`'s condition, if any.
function conditionOf(clause) {
  return clause.childForFieldName('condition');
}

// An earlier statement of the same block is `if (...) { ...; return }` (or continue): the
// code after it runs only when that condition is false.
function returnsEarlyBefore(list, child) {
  for (const sibling of list.namedChildren) {
    if (sibling.id === child.id) return false;
    if (sibling.type !== 'if_statement') continue;
    const body = sibling.namedChildren.find((c) => c.type === 'statement_block');
    if (body && /(^|[\s;{])(return|continue)\b[^}]*\}\s*$/.test(body.text)) return true;
  }
  return false;
}

// For one write: is it inside the then-block of a ShouldProcess if, and behind a state read?
function guardOf(node) {
  let shouldProcess = null;
  let stateCondition = false;
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'statement_list' && returnsEarlyBefore(parent, child)) stateCondition = true;
    if (!CONDITIONAL_CLAUSES.has(parent.type)) continue;
    const condition = conditionOf(parent);
    const inBody = !condition || child.id !== condition.id;
    if (!inBody) continue;
    if (parent.type === 'else_clause') { stateCondition = true; continue; }
    if (SHOULD_PROCESS.test(condition.text) && !shouldProcess) {
      // Only the block the condition guards counts, not the if's elseif/else clauses.
      const body = parent.namedChildren.find((c) => c.type === 'statement_block');
      if (body && child.id === body.id) {
        shouldProcess = parent;
        if (/-and|-or/i.test(condition.text)) stateCondition = true;
        continue;
      }
    }
    stateCondition = true;
  }
  return { shouldProcess, stateCondition };
}

// Problems with the script's change discipline: no SupportsShouldProcess, or a write outside
// a ShouldProcess branch or not behind a read of the current state.
export function shouldProcessProblems(tree) {
  const problems = [];
  const root = tree.rootNode;
  const paramBlock = root.namedChildren.find((c) => c.type === 'param_block');
  const binding = paramBlock?.namedChildren.find((c) => c.type === 'attribute_list');
  if (!binding || !/\[CmdletBinding\([^\]]*SupportsShouldProcess/i.test(binding.text)) {
    problems.push({ line: 1, col: 1,
      message: 'the script does not declare [CmdletBinding(SupportsShouldProcess)] before param()' });
  }
  for (const node of walk(root)) {
    const name = writeName(node);
    if (!name) continue;
    const { shouldProcess, stateCondition } = guardOf(node);
    if (!shouldProcess) {
      problems.push({ ...position(node), message: `${name} is not inside an if ($PSCmdlet.ShouldProcess(...)) branch` });
    } else if (!stateCondition) {
      problems.push({ ...position(node), message: `${name} is not behind a read of the current state` });
    }
  }
  return problems;
}

const LITERAL_NODES = new Set(['verbatim_string_characters', 'comment']);

// Every occurrence of `text` must lie inside one single-quoted string literal (or a comment):
// a name that closes its quote early would split across nodes or reach code.
export function literalProblems(tree, source, text) {
  const problems = [];
  const lines = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lines.push(i + 1);
  const pointAt = (offset) => {
    let lo = 0, hi = lines.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lines[mid] <= offset) lo = mid; else hi = mid - 1; }
    return { row: lo, column: offset - lines[lo] };
  };
  // Node indices count UTF-16 code units, as JavaScript strings do.
  for (let at = source.indexOf(text); at !== -1; at = source.indexOf(text, at + 1)) {
    const end = at + text.length;
    const node = tree.rootNode.descendantForIndex(at, end - 1);
    let holder = node;
    while (holder && !LITERAL_NODES.has(holder.type)) holder = holder.parent;
    if (!holder || holder.startIndex > at || holder.endIndex < end) {
      const { row, column } = pointAt(at);
      problems.push({ line: row + 1, col: column + 1,
        message: `${JSON.stringify(text)} is not inside one single-quoted string literal (found in ${node.type})` });
    }
  }
  return problems;
}

export async function checkSource(source, { shouldProcess = false, literals = [] } = {}) {
  const tree = await parse(source);
  const problems = syntaxProblems(tree);
  if (shouldProcess) problems.push(...shouldProcessProblems(tree));
  for (const text of literals) problems.push(...literalProblems(tree, source, text));
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return problems;
}
