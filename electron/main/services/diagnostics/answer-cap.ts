/**
 * "Test connection" reads small answers only: DF's environment and the key check's answer are a few
 * kilobytes, and a probe is often pointed at an address nobody vetted yet. Every probe request may read at
 * most PROBE_MAX_ANSWER_BYTES, counted after decompression (axios counts the bytes its gunzip stream puts
 * out), so neither a huge answer nor a gzip bomb can grow memory; a larger answer fails as 'too-large'.
 */
import type { AxiosAdapter, InternalAxiosRequestConfig } from 'axios';

export const PROBE_MAX_ANSWER_BYTES = 1024 * 1024;

/** The cap as the user reads it: "1 MB". */
export const probeCapText = `${PROBE_MAX_ANSWER_BYTES / (1024 * 1024)} MB`;

const within = (limit: number | undefined) =>
  limit === undefined || limit < 0 ? PROBE_MAX_ANSWER_BYTES : Math.min(limit, PROBE_MAX_ANSWER_BYTES);

/**
 * `inner` with the probe's cap on every request it sends (redirect hops included), whatever the caller or a
 * library default asked for: a per-request setting can only lower it.
 */
export function cappedAdapter(inner: AxiosAdapter): AxiosAdapter {
  return (config: InternalAxiosRequestConfig) =>
    inner({ ...config, maxContentLength: within(config.maxContentLength), maxBodyLength: within(config.maxBodyLength) });
}
