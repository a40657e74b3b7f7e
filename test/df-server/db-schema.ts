// Table definitions of the seeded `db` service and their DF schema representation (docs/dreamfactory-protocol.md §6 _schema).

export type ColumnType = 'id' | 'string' | 'integer' | 'decimal' | 'timestamp' | 'reference';

export interface ColumnDef {
  name: string;
  label: string;
  type: ColumnType;
  dbType: string;
  length: number | null;
  precision: number | null;
  scale: number | null;
  required: boolean;
  allowNull: boolean;
  refTable: string | null;
  refField: string | null;
}

export interface RelationDef {
  name: string;
  type: 'belongs_to' | 'has_many';
  field: string;
  refTable: string;
  refField: string;
}

export interface TableDef {
  name: string;
  label: string;
  plural: string;
  nameField: string;
  columns: ColumnDef[];
  related: RelationDef[];
}

function column(name: string, type: ColumnType, extra: Partial<ColumnDef> = {}): ColumnDef {
  const dbTypes: Record<ColumnType, string> = {
    id: 'integer',
    string: 'varchar(255)',
    integer: 'integer',
    decimal: 'decimal(10,2)',
    timestamp: 'datetime',
    reference: 'integer',
  };
  const label = name
    .split('_')
    .map((word) => (word === 'id' ? 'Id' : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
  return {
    name,
    label,
    type,
    dbType: dbTypes[type],
    length: type === 'string' ? 255 : null,
    precision: type === 'decimal' ? 10 : null,
    scale: type === 'decimal' ? 2 : null,
    required: false,
    allowNull: type !== 'id',
    refTable: null,
    refField: null,
    ...extra,
  };
}

export const TABLES: readonly TableDef[] = [
  {
    name: 'contacts',
    label: 'Contacts',
    plural: 'Contacts',
    nameField: 'last_name',
    columns: [
      column('id', 'id'),
      column('first_name', 'string', { required: true, allowNull: false }),
      column('last_name', 'string', { required: true, allowNull: false }),
      column('email', 'string'),
      column('age', 'integer'),
      column('created_date', 'timestamp'),
    ],
    related: [{ name: 'orders_by_contact_id', type: 'has_many', field: 'id', refTable: 'orders', refField: 'contact_id' }],
  },
  {
    name: 'orders',
    label: 'Orders',
    plural: 'Orders',
    nameField: 'item',
    columns: [
      column('id', 'id'),
      column('contact_id', 'reference', { refTable: 'contacts', refField: 'id' }),
      column('item', 'string', { required: true, allowNull: false }),
      column('quantity', 'integer'),
      column('total', 'decimal'),
    ],
    related: [{ name: 'contacts_by_contact_id', type: 'belongs_to', field: 'contact_id', refTable: 'contacts', refField: 'id' }],
  },
];

/** ColumnSchema::toArray, key order as DF emits it. */
function columnToArray(col: ColumnDef): Record<string, unknown> {
  const isPrimary = col.type === 'id';
  return {
    name: col.name,
    label: col.label,
    description: null,
    type: col.type,
    db_type: col.dbType,
    length: col.length,
    precision: col.precision,
    scale: col.scale,
    default: null,
    required: col.required,
    allow_null: col.allowNull,
    fixed_length: false,
    supports_multibyte: col.type === 'string',
    auto_increment: isPrimary,
    is_primary_key: isPrimary,
    is_unique: isPrimary,
    is_index: isPrimary || col.refTable !== null,
    is_foreign_key: col.refTable !== null,
    ref_table: col.refTable,
    ref_field: col.refField,
    ref_on_update: col.refTable === null ? null : 'NO ACTION',
    ref_on_delete: col.refTable === null ? null : 'NO ACTION',
    picklist: null,
    validation: null,
    db_function: null,
    is_virtual: false,
    is_aggregate: false,
  };
}

/** TableSchema::toArray: bare object with a `field` array. */
export function tableSchema(table: TableDef): Record<string, unknown> {
  return {
    name: table.name,
    label: table.label,
    description: null,
    native: [],
    plural: table.plural,
    is_view: false,
    primary_key: ['id'],
    name_field: table.nameField,
    field: table.columns.map(columnToArray),
    related: table.related.map((relation) => ({
      name: relation.name,
      label: relation.name
        .split('_')
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join(' '),
      description: null,
      native: [],
      type: relation.type,
      field: [relation.field],
      is_virtual: true,
      ref_service_id: 5,
      ref_table: relation.refTable,
      ref_field: [relation.refField],
      always_fetch: false,
      flatten: false,
      flatten_drop_prefix: false,
    })),
    constraints: [],
    access: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  };
}
