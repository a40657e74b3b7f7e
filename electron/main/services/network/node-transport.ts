/**
 * The transport when the host gives no NetworkPort (Node tests, scripts): Node's own CA list and direct
 * connections, exactly what DF Desk did before it read the system's proxy settings and trust store.
 */
import { Agent } from 'node:https';
import axios from 'axios';
import type { AxiosRequestConfig } from 'axios';
import type { NetworkTransport } from './network-types.ts';

export function nodeTransport(base?: AxiosRequestConfig['adapter']): NetworkTransport {
  const io = axios.getAdapter(base ?? axios.defaults.adapter);
  return {
    channel(trust) {
      const agent = new Agent({ ...trust, keepAlive: true });
      return {
        adapter: (config) => io({ ...config, httpsAgent: agent }),
        destroy: () => agent.destroy(),
      };
    },
  };
}
