import { describe, expect, it } from 'vitest';
import { FilterError, matchesFilter, parseFilter } from './db-filter.ts';
import type { Row } from './db-store.ts';

const FIELDS = ['id', 'name', 'age'];
const ROWS: Row[] = [
  { id: 1, name: 'Jane', age: 30 },
  { id: 2, name: 'john', age: 45 },
  { id: 3, name: "O'Neil", age: null },
  { id: 4, name: 'Bob', age: 18 },
];

function ids(filter: string): number[] {
  const node = parseFilter(filter, FIELDS);
  return ROWS.filter((row) => matchesFilter(node, row)).map((row) => Number(row.id));
}

describe('filter parser/evaluator', () => {
  it.each([
    ["name = 'Jane'", [1]],
    ['(age > 20)', [1, 2]],
    ['age >= 30 and age <= 45', [1, 2]],
    ['age < 30 or id = 1', [1, 4]],
    ['age != 30', [2, 4]],
    ['age <> 30', [2, 4]],
    ["name like 'j%'", [1, 2]],
    ["name like '_o%'", [2, 4]],
    ["name not like 'J%'", [3, 4]],
    ["name = 'O''Neil'", [3]],
    ['name = "Bob"', [4]],
    ['age is null', [3]],
    ['age is not null', [1, 2, 4]],
    ['id in (2, 4)', [2, 4]],
    ['id not in (2, 4)', [1, 3]],
    ['not (age > 20)', [3, 4]],
    ["(age > 20 and name like 'J%') or (id = 4)", [1, 2, 4]],
    ["AGE > 20 AND NAME LIKE 'J%'", [1, 2]],
    ['age > 20 AND id = 2', [2]],
    ['age = -1', []],
  ])('%s', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it.each(["name = 'x", 'age >', '(age > 1', 'age > 1)', "nope = 'x'", 'age ~ 3', 'age like 3'])('rejects %s', (filter) => {
    expect(() => parseFilter(filter, FIELDS)).toThrow(FilterError);
  });
});
