#!/usr/bin/env node
// Usage: node pscheck.mjs [--should-process] [--literal TEXT]... FILE...
// Parses each PowerShell file with the tree-sitter grammar and prints every problem as
// FILE:LINE:COL: error: MESSAGE. Exit 0 when none, 1 when any, 64 on a usage error.
//   --should-process  also require [CmdletBinding(SupportsShouldProcess)] and every change
//                     inside a ShouldProcess branch behind a read of the current state
//   --literal TEXT    every occurrence of TEXT must sit inside one single-quoted literal
import { readFileSync } from 'node:fs';
import { checkSource } from './pscheck-lib.mjs';

const files = [];
const literals = [];
let shouldProcess = false;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--should-process') shouldProcess = true;
  else if (args[i] === '--literal' && i + 1 < args.length) literals.push(args[++i]);
  else if (args[i].startsWith('--')) { console.error(`pscheck: unknown option ${args[i]}`); process.exit(64); }
  else files.push(args[i]);
}
if (files.length === 0) { console.error('usage: pscheck.mjs [--should-process] [--literal TEXT]... FILE...'); process.exit(64); }

let failed = 0;
for (const file of files) {
  const problems = await checkSource(readFileSync(file, 'utf8'), { shouldProcess, literals });
  for (const p of problems) console.log(`${file}:${p.line}:${p.col}: error: ${p.message}`);
  if (problems.length) failed++;
}
console.log(`pscheck: ${files.length} file(s), ${failed} with problems`);
process.exit(failed ? 1 : 0);
