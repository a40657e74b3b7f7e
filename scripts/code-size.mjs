// Sizes of the product code (shared/, electron/, renderer/): files over 300 lines, functions over 80 lines,
// React components over 150 lines, and the longest functions. `node scripts/code-size.mjs [--top N] [--json]`.
// Parses with rolldown's oxc parser (vite 8 ships it), so TypeScript and TSX are read as the compiler reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rolldown/parseAst';

export const LIMITS = { fileLines: 300, functionLines: 80, componentLines: 150 };
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PRODUCT_DIRS = ['shared', 'electron', 'renderer'];

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The name a function is known by: its own, or the variable, property or method it is assigned to. */
function nameOf(node, parent) {
  if (node.id?.name) return node.id.name;
  if (parent?.type === 'VariableDeclarator' && parent.id?.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'Property' || parent?.type === 'MethodDefinition') && parent.key?.name) return parent.key.name;
  return '(anonymous)';
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function functionsIn(ast, text) {
  const found = [];
  const visit = (node, parent) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent);
      return;
    }
    if (FUNCTION_TYPES.has(node.type)) {
      const lines = lineOf(text, node.end) - lineOf(text, node.start) + 1;
      found.push({ name: nameOf(node, parent), line: lineOf(text, node.start), lines });
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'parent') visit(child, node);
  };
  visit(ast, null);
  return found;
}

export function measure(root = ROOT) {
  const files = [];
  const functions = [];
  for (const dir of PRODUCT_DIRS) {
    for (const path of sourceFiles(join(root, dir))) {
      const text = readFileSync(path, 'utf8');
      const file = relative(root, path);
      const tsx = path.endsWith('.tsx');
      files.push({ file, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) });
      for (const fn of functionsIn(parseAst(text, { lang: tsx ? 'tsx' : 'ts' }), text)) {
        // A component: a capitalised function in a .tsx file (React's own naming rule).
        functions.push({ ...fn, file, component: tsx && /^[A-Z]/.test(fn.name) });
      }
    }
  }
  const longFiles = files.filter((f) => f.lines > LIMITS.fileLines);
  const longFunctions = functions.filter((f) => !f.component && f.lines > LIMITS.functionLines);
  const longComponents = functions.filter((f) => f.component && f.lines > LIMITS.componentLines);
  const longest = [...functions].sort((a, b) => b.lines - a.lines);
  return { files, functions, longFiles, longFunctions, longComponents, longest };
}

function main() {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 5;
  const report = measure();
  if (args.includes('--json')) {
    console.log(JSON.stringify({ ...report, files: undefined, functions: undefined }, null, 2));
    return;
  }
  console.log(`Product code: ${report.files.length} files, ${report.functions.length} functions.`);
  console.log(`\nThe ${top} longest functions:`);
  console.log('| lines | function | where |\n|---|---|---|');
  for (const f of report.longest.slice(0, top)) {
    console.log(`| ${f.lines} | ${f.name}${f.component ? ' (component)' : ''} | ${f.file}:${f.line} |`);
  }
  const problems = [
    ...report.longFiles.map((f) => `${f.file}: ${f.lines} lines (limit ${LIMITS.fileLines})`),
    ...report.longFunctions.map((f) => `${f.file}:${f.line} ${f.name}: ${f.lines} lines (limit ${LIMITS.functionLines})`),
    ...report.longComponents.map((f) => `${f.file}:${f.line} ${f.name}: ${f.lines} lines (limit ${LIMITS.componentLines})`),
  ];
  console.log(problems.length === 0 ? '\nWithin every limit.' : `\nOver the limits:\n- ${problems.join('\n- ')}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
