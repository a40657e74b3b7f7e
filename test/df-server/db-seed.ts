// Deterministic seed rows for the `db` service (same data in every server instance).
import type { Row } from './db-store.ts';

const FIRST_NAMES = [
  'Jane', 'John', 'Alice', 'Bob', 'Carla', 'David', 'Eve', 'Frank', 'Grace', 'Henry',
  'Irene', 'James', 'Karen', 'Liam', 'Maria', 'Noah', 'Olivia', 'Peter', 'Quinn', 'Rosa',
  'Sam', 'Julia', 'Tom', 'Uma', 'Victor',
];
const LAST_NAMES = [
  'Doe', 'Smith', 'Jones', 'Brown', 'Garcia', 'Miller', 'Davis', "O'Neil", 'Wilson', 'Moore',
  'Taylor', 'Anderson', 'Thomas', 'Jackson', 'White', 'Harris', 'Martin', 'Lee', 'Clark', 'Lewis',
];
const ITEMS = ['Keyboard', 'Mouse', 'Monitor', 'Laptop', 'Headset', 'Webcam', 'Desk', 'Chair', 'Lamp', 'Cable'];
const PRICES = [49.99, 19.5, 189, 1299, 79.9, 59, 349, 229.99, 35.25, 9.99];

export const SEED_CONTACT_COUNT = 50;
export const SEED_ORDER_COUNT = 30;

function seedDate(dayOffset: number): string {
  const date = new Date(Date.UTC(2024, 0, 1, 9, 30, 0) + dayOffset * 86_400_000);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function seedContacts(): Row[] {
  const rows: Row[] = [];
  for (let index = 0; index < SEED_CONTACT_COUNT; index += 1) {
    const id = index + 1;
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Pat';
    const last = LAST_NAMES[(index * 7) % LAST_NAMES.length] ?? 'Doe';
    rows.push({
      id,
      first_name: first,
      last_name: last,
      email: `${first}.${last.replace("'", '')}${id}@example.com`.toLowerCase(),
      // Every 10th contact has no age, so NULL handling in filters is exercised.
      age: id % 10 === 0 ? null : 18 + ((index * 13) % 60),
      created_date: seedDate(index * 3),
    });
  }
  return rows;
}

export function seedOrders(): Row[] {
  const rows: Row[] = [];
  for (let index = 0; index < SEED_ORDER_COUNT; index += 1) {
    const quantity = 1 + (index % 5);
    const price = PRICES[index % PRICES.length] ?? 1;
    rows.push({
      id: index + 1,
      contact_id: ((index * 3) % SEED_CONTACT_COUNT) + 1,
      item: ITEMS[index % ITEMS.length] ?? 'Widget',
      quantity,
      total: Math.round(quantity * price * 100) / 100,
    });
  }
  return rows;
}
