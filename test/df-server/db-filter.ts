// DF's SQL-like `filter` subset: comparisons, LIKE, IN, IS [NOT] NULL, AND/OR/NOT and parentheses.
import type { Cell, Row } from './db-store.ts';

export class FilterError extends Error {}

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'op'; text: string }
  | { kind: 'punct'; text: '(' | ')' | ',' };

type Literal = string | number | boolean | null;

export type FilterNode =
  | { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; operand: FilterNode }
  | { type: 'compare'; field: string; op: string; value: Literal }
  | { type: 'like'; field: string; pattern: RegExp; negate: boolean }
  | { type: 'in'; field: string; values: Literal[]; negate: boolean }
  | { type: 'null'; field: string; negate: boolean };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', text: ch });
      i += 1;
    } else if (ch === "'" || ch === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw new FilterError('unterminated string');
        const c = text[i] ?? '';
        if (c === ch && text[i + 1] === ch) {
          value += ch;
          i += 2;
        } else if (c === ch) {
          i += 1;
          break;
        } else {
          value += c;
          i += 1;
        }
      }
      tokens.push({ kind: 'string', value });
    } else {
      const rest = text.slice(i);
      const op = /^(>=|<=|!=|<>|=|>|<)/.exec(rest);
      const num = /^-?\d+(\.\d+)?/.exec(rest);
      const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
      if (op) {
        tokens.push({ kind: 'op', text: op[0] === '<>' ? '!=' : op[0] });
        i += op[0].length;
      } else if (num) {
        tokens.push({ kind: 'number', value: Number(num[0]) });
        i += num[0].length;
      } else if (word) {
        tokens.push({ kind: 'word', text: word[0] });
        i += word[0].length;
      } else {
        throw new FilterError(`unexpected character '${ch}'`);
      }
    }
  }
  return tokens;
}

function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  // SQLite/MySQL LIKE is case-insensitive for ASCII.
  return new RegExp(`^${source}$`, 'is');
}

class Parser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    /** lower-cased name -> column name: SQL column names are case-insensitive. */
    private readonly fields: ReadonlyMap<string, string>,
  ) {}

  parse(): FilterNode {
    const node = this.parseOr();
    if (this.pos < this.tokens.length) throw new FilterError('unexpected trailing input');
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isKeyword(keyword: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text.toLowerCase() === keyword;
  }

  private expectKeyword(keyword: string): void {
    if (!this.isKeyword(keyword)) throw new FilterError(`expected ${keyword.toUpperCase()}`);
    this.pos += 1;
  }

  private expectPunct(text: '(' | ')'): void {
    const token = this.peek();
    if (token?.kind !== 'punct' || token.text !== text) throw new FilterError(`expected '${text}'`);
    this.pos += 1;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.pos += 1;
      left = { type: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.pos += 1;
      left = { type: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): FilterNode {
    if (this.isKeyword('not')) {
      this.pos += 1;
      return { type: 'not', operand: this.parseNot() };
    }
    const token = this.peek();
    if (token?.kind === 'punct' && token.text === '(') {
      this.pos += 1;
      const inner = this.parseOr();
      this.expectPunct(')');
      return inner;
    }
    return this.parseCondition();
  }

  private parseLiteral(): Literal {
    const token = this.peek();
    this.pos += 1;
    if (token?.kind === 'string' || token?.kind === 'number') return token.value;
    if (token?.kind === 'word') {
      const lower = token.text.toLowerCase();
      if (lower === 'null') return null;
      if (lower === 'true') return true;
      if (lower === 'false') return false;
    }
    throw new FilterError('expected a value');
  }

  private parseCondition(): FilterNode {
    const token = this.peek();
    if (token?.kind !== 'word') throw new FilterError('expected a field name');
    const field = this.fields.get(token.text.toLowerCase());
    if (field === undefined) throw new FilterError(`Invalid or unparsable field in filter request: '${token.text}'`);
    this.pos += 1;
    const next = this.peek();
    if (next?.kind === 'op') {
      this.pos += 1;
      return { type: 'compare', field, op: next.text, value: this.parseLiteral() };
    }
    if (this.isKeyword('is')) {
      this.pos += 1;
      const negate = this.isKeyword('not');
      if (negate) this.pos += 1;
      this.expectKeyword('null');
      return { type: 'null', field, negate };
    }
    const negate = this.isKeyword('not');
    if (negate) this.pos += 1;
    if (this.isKeyword('like')) {
      this.pos += 1;
      const pattern = this.parseLiteral();
      if (typeof pattern !== 'string') throw new FilterError('LIKE needs a quoted pattern');
      return { type: 'like', field, pattern: likeToRegExp(pattern), negate };
    }
    if (this.isKeyword('in')) {
      this.pos += 1;
      this.expectPunct('(');
      const values: Literal[] = [this.parseLiteral()];
      while (this.peek()?.kind === 'punct' && (this.peek() as { text: string }).text === ',') {
        this.pos += 1;
        values.push(this.parseLiteral());
      }
      this.expectPunct(')');
      return { type: 'in', field, values, negate };
    }
    throw new FilterError(`expected an operator after '${field}'`);
  }
}

export function parseFilter(text: string, fields: readonly string[]): FilterNode {
  return new Parser(tokenize(text), new Map(fields.map((field) => [field.toLowerCase(), field]))).parse();
}

function compareValues(cell: Cell, value: Literal): number | null {
  if (cell === null || value === null) return null;
  const cellNumber = typeof cell === 'number' ? cell : typeof cell === 'string' && cell.trim() !== '' ? Number(cell) : Number.NaN;
  const valueNumber = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if ((typeof cell === 'number' || typeof value === 'number') && !Number.isNaN(cellNumber) && !Number.isNaN(valueNumber)) {
    return cellNumber - valueNumber;
  }
  const a = String(cell);
  const b = String(value);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SQL three-valued logic collapsed to boolean: any comparison with NULL is false. */
export function matchesFilter(node: FilterNode, row: Row): boolean {
  switch (node.type) {
    case 'and':
      return matchesFilter(node.left, row) && matchesFilter(node.right, row);
    case 'or':
      return matchesFilter(node.left, row) || matchesFilter(node.right, row);
    case 'not':
      return !matchesFilter(node.operand, row);
    case 'null': {
      const isNull = (row[node.field] ?? null) === null;
      return node.negate ? !isNull : isNull;
    }
    case 'like': {
      const cell = row[node.field] ?? null;
      if (cell === null) return false;
      const hit = node.pattern.test(String(cell));
      return node.negate ? !hit : hit;
    }
    case 'in': {
      const cell = row[node.field] ?? null;
      if (cell === null) return false;
      const hit = node.values.some((value) => compareValues(cell, value) === 0);
      return node.negate ? !hit : hit;
    }
    case 'compare': {
      const diff = compareValues(row[node.field] ?? null, node.value);
      if (diff === null) return false;
      switch (node.op) {
        case '=':
          return diff === 0;
        case '!=':
          return diff !== 0;
        case '>':
          return diff > 0;
        case '<':
          return diff < 0;
        case '>=':
          return diff >= 0;
        case '<=':
          return diff <= 0;
        default:
          return false;
      }
    }
  }
}
