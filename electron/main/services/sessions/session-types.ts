// What the session manager hands out and is told, kept apart so its users need not import the manager.
import type { DfClient } from '../../../../shared/df/index.ts';

export interface InstanceClient {
  client: DfClient;
  /** The API key the client sends, so the proxy can hide it should a server echo it. */
  apiKey: string | null;
}

export interface InstanceChange {
  urlChanged: boolean;
  apiKeyChanged: boolean;
  /** The login saved before the update (the registry forgets it when the URL changes). */
  previousLogin?: string;
  /**
   * The saved credentials belonged to another address or certificate (a new pinned certificate, or an address
   * confirmed after it was changed outside DF Desk): the session ends as on a new URL.
   */
  credentialsMoved?: boolean;
  /** Why, in plain words: the session's reason until the next sign-in. */
  reason?: string;
}
