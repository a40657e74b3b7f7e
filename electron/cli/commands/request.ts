/**
 * `dfdesk request INSTANCE METHOD PATH` and its shorthands `get|post|put|patch|delete INSTANCE PATH`: one call
 * through the instance's session, exactly as the app's API console sends it (API key and token attached by the
 * desk, never shown). Every answer DF gives is printed; HTTP 400 and above also exit 4.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { HttpMethod, ProxyRequest, ProxyResponse } from '../../../shared/ipc/contract.ts';
import { httpMethods } from '../../../shared/ipc/contract.ts';
import { isDeskError } from '../../../shared/ipc/desk-error.ts';
import type { CliContext } from '../context.ts';
import { exitCodes, usageError } from '../exit-codes.ts';
import { resolveInstance } from '../instance-ref.ts';
import type { CliIo } from '../io.ts';
import { readAll } from '../io.ts';

export interface RequestOptions {
  param: string[];
  data?: string;
  yes?: boolean;
  include?: boolean;
}

export function methodOf(text: string): HttpMethod {
  const method = httpMethods.find((known) => known === text.toUpperCase());
  if (method === undefined) throw usageError(`METHOD must be one of ${httpMethods.join(', ')} (got "${text}").`);
  return method;
}

/** `k=v` pairs; a repeated key keeps the last value, as a query string would. */
export function paramsOf(pairs: readonly string[]): Record<string, string> | undefined {
  if (pairs.length === 0) return undefined;
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usageError(`--param takes key=value (got "${pair}").`);
    params[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return params;
}

/** `--data -` (stdin), `--data @file` or `--data '{…}'`: always JSON, as DreamFactory takes it. */
export async function dataOf(spec: string | undefined, io: CliIo): Promise<unknown> {
  if (spec === undefined) return undefined;
  let text: string;
  let source: string;
  if (spec === '-') {
    text = await readAll(io.stdin);
    source = 'stdin';
  } else if (spec.startsWith('@')) {
    const file = resolve(io.cwd, spec.slice(1));
    text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw usageError(`Cannot read ${spec.slice(1)}: ${error.code ?? error.message}.`);
    });
    source = spec.slice(1);
  } else {
    text = spec;
    source = '--data';
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usageError(`The data from ${source} is not JSON: ${(error as Error).message}`);
  }
}

function printAnswer(ctx: CliContext, response: ProxyResponse, include: boolean): void {
  const { out } = ctx;
  if (out.json) {
    if (include) out.data(response);
    else if (typeof response.data === 'string') out.line(response.data);
    else out.data(response.data ?? null);
    return;
  }
  const tone = response.status >= 400 ? 'bad' : 'ok';
  out.line(`${out.tone(tone, `HTTP ${response.status}`)} ${out.color.dim(`${response.durationMs} ms`)}`);
  if (include) for (const [name, value] of Object.entries(response.headers)) out.line(`${out.color.dim(`${name}:`)} ${value}`);
  if (typeof response.data === 'string') out.line(response.data);
  else if (response.data !== undefined && response.data !== '') out.line(JSON.stringify(response.data, null, 2));
}

export async function sendRequest(ctx: CliContext, ref: string, method: HttpMethod, path: string, options: RequestOptions): Promise<void> {
  const request: ProxyRequest = { method, path };
  const params = paramsOf(options.param);
  if (params !== undefined) request.params = params;
  const data = await dataOf(options.data, ctx.io);
  if (data !== undefined) request.data = data;
  if (options.yes === true) request.confirmed = true;
  const { api } = await ctx.desk();
  const instance = await resolveInstance(api, ref);
  let response: ProxyResponse;
  try {
    response = await ctx.spinner.run(`${method} ${path}…`, () => api.request(instance.id, request));
  } catch (error) {
    if (isDeskError(error, 'confirmation-required')) {
      throw usageError(`${error.message} Nothing was sent; add --yes to send it.`);
    }
    throw error;
  }
  printAnswer(ctx, response, options.include === true);
  if (response.status >= 400) {
    ctx.exitCode = exitCodes.dfError;
    ctx.out.error(`DreamFactory answered HTTP ${response.status}.`);
  }
}

const collect = (value: string, previous: string[]) => [...previous, value];

function withRequestOptions(command: Command): Command {
  return command
    .option('--param <key=value>', 'a query parameter (repeat for more), e.g. --param limit=10', collect, [])
    .option('--data <json>', 'the JSON body: inline, @file, or - for stdin')
    .option('--yes', 'confirm a write to a production instance')
    .option('-i, --include', 'also print the status and headers');
}

export function registerRequestCommands(program: Command, ctx: CliContext): void {
  withRequestOptions(
    program
      .command('request')
      .description('send one request through the instance’s session (paths under /api/v2)')
      .argument('<instance>', 'the instance’s name or id')
      .argument('<method>', httpMethods.join(', '))
      .argument('<path>', 'e.g. /db/_table/contacts'),
  ).action((ref: string, method: string, path: string, options: RequestOptions) => sendRequest(ctx, ref, methodOf(method), path, options));
  for (const method of httpMethods) {
    withRequestOptions(
      program
        .command(method.toLowerCase())
        .description(`shorthand for: request INSTANCE ${method} PATH`)
        .argument('<instance>', 'the instance’s name or id')
        .argument('<path>', 'e.g. /db/_table/contacts'),
    ).action((ref: string, path: string, options: RequestOptions) => sendRequest(ctx, ref, method, path, options));
  }
}
