/**
 * What went wrong when no HTTP answer came back, in plain words with a next step: the one table of network and
 * TLS failure codes (Node's and axios's), used by the session library for every transport failure. Pure: the
 * codes are plain strings, so this runs anywhere. Certificate checks are never turned off: a TLS problem is
 * reported, not bypassed.
 */

export type TransportFailureKind = 'tls' | 'network' | 'too-large';

export interface TransportFailure {
  kind: TransportFailureKind;
  /** Node's / axios's error code, e.g. DEPTH_ZERO_SELF_SIGNED_CERT, ECONNREFUSED. */
  code: string | undefined;
  message: string;
  nextStep: string;
}

const trustedCaStep =
  "Use a certificate from a trusted authority (for example Let's Encrypt), or add your organisation's CA to this computer's trusted certificates. DF Desk never turns certificate checks off.";

const tlsFailures: Readonly<Record<string, { message: string; nextStep: string }>> = {
  // Raised by DF Desk's certificate pinning (electron/main/services/tls/pinned-certificate.ts).
  ERR_DESK_CERT_PIN_MISMATCH: {
    message:
      'The server presented a different certificate than the one you trusted for this instance. It may have been replaced, or someone may be intercepting the connection (possible man-in-the-middle).',
    nextStep:
      "Do not sign in until you know why. If the server's administrator replaced the certificate, compare the new fingerprint with them (Test connection shows it), then test the connection again in the instance's settings and trust the new certificate.",
  },
  DEPTH_ZERO_SELF_SIGNED_CERT: {
    message: "The server's certificate is self-signed, so DF Desk cannot verify that it is really this server.",
    nextStep: trustedCaStep,
  },
  SELF_SIGNED_CERT_IN_CHAIN: {
    message: "The server's certificate chain ends in a self-signed certificate that this computer does not trust.",
    nextStep: trustedCaStep,
  },
  CERT_HAS_EXPIRED: {
    message: "The server's certificate has expired.",
    nextStep: 'Renew the certificate on the server (or ask its administrator to), then try again.',
  },
  CERT_NOT_YET_VALID: {
    message: "The server's certificate is not valid yet.",
    nextStep: "Check this computer's date and time, and the certificate's start date on the server.",
  },
  ERR_TLS_CERT_ALTNAME_INVALID: {
    message: "The server's certificate was issued for a different host name than the one in the URL.",
    nextStep:
      'Use the host name the certificate was issued for (check for typos, a missing "www.", or an IP address instead of the name).',
  },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
    message: "The server's certificate cannot be verified: the chain is incomplete or its authority is unknown.",
    nextStep: `Install the full certificate chain (with intermediate certificates) on the server. ${trustedCaStep}`,
  },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: {
    message: "The server's certificate was issued by an authority this computer does not know.",
    nextStep: `Install the full certificate chain on the server. ${trustedCaStep}`,
  },
  UNABLE_TO_GET_ISSUER_CERT: {
    message: "The server's certificate was issued by an authority this computer does not know.",
    nextStep: `Install the full certificate chain on the server. ${trustedCaStep}`,
  },
  CERT_REVOKED: {
    message: "The server's certificate has been revoked.",
    nextStep: 'Ask the server administrator to install a new certificate.',
  },
  CERT_SIGNATURE_FAILURE: {
    message: "The server's certificate signature is invalid.",
    nextStep: 'Ask the server administrator to check the certificate; something may be intercepting the connection.',
  },
  ERR_SSL_WRONG_VERSION_NUMBER: {
    message: 'The server did not answer with HTTPS on this port.',
    nextStep: 'Check the port, or whether the server only speaks plain http://.',
  },
  EPROTO: {
    message: 'The secure (TLS) connection could not be set up.',
    nextStep: 'Check the port, and whether the server only speaks plain http://.',
  },
};

const timeoutFailure = {
  message: 'The server did not answer in time.',
  nextStep: 'Check that the server is up and reachable from this network (firewall, VPN, proxy), then try again.',
};

/**
 * The total deadline of a call passed (deadline.ts): the answer never completed, whether nothing came back or
 * the server trickled it out too slowly (a socket timeout alone only fires when the line goes quiet).
 */
export function deadlineFailure(ms: number): TransportFailure {
  const seconds = Number((ms / 1000).toFixed(3));
  return {
    kind: 'network',
    code: 'ETIMEDOUT',
    message: `The server did not answer in time (no complete answer within ${seconds} s).`,
    nextStep: timeoutFailure.nextStep,
  };
}

const networkFailures: Readonly<Record<string, { message: string; nextStep: string }>> = {
  ECONNREFUSED: {
    message: 'Nothing is listening at this address: the connection was refused.',
    nextStep: "Check the address and port, and that DreamFactory's web server is running.",
  },
  ENOTFOUND: {
    message: 'The host name was not found (DNS).',
    nextStep: 'Check the spelling of the address. For an internal host name, connect to your VPN first.',
  },
  EAI_AGAIN: {
    message: 'The host name could not be looked up right now (DNS).',
    nextStep: 'Check your network connection or VPN, then try again.',
  },
  ETIMEDOUT: timeoutFailure,
  ECONNABORTED: timeoutFailure,
  ERR_SOCKET_CONNECTION_TIMEOUT: {
    message: 'The connection to the server timed out.',
    nextStep: 'Check that the server is up and reachable from this network (firewall, VPN, proxy), then try again.',
  },
  ECONNRESET: {
    message: 'The connection was reset before the server answered.',
    nextStep: 'Try again. If it keeps happening, a proxy or firewall may be cutting the connection.',
  },
  EPIPE: {
    message: 'The connection was closed while sending the request.',
    nextStep: 'Try again. If it keeps happening, check proxies or firewalls between you and the server.',
  },
  EHOSTUNREACH: {
    message: 'The host cannot be reached from this network.',
    nextStep: 'Check your network connection or VPN.',
  },
  ENETUNREACH: {
    message: 'The network is unreachable.',
    nextStep: 'Check your network connection or VPN.',
  },
  ERR_CANCELED: {
    message: 'The request was canceled.',
    nextStep: 'Try again.',
  },
  // Raised by DF Desk's proxy support (electron/main/services/network/tunnel.ts).
  ERR_DESK_PROXY_UNREACHABLE: {
    message: "The proxy server named by this computer's network settings could not be reached.",
    nextStep: "Check this computer's proxy settings (or its PAC script) and your network connection or VPN, or ask your IT team whether the proxy is up.",
  },
  ERR_DESK_PROXY_AUTH: {
    message: 'The proxy server asks for a sign-in (HTTP 407), which DF Desk cannot give.',
    nextStep: "Ask your IT team to let DF Desk reach this DreamFactory host without a proxy sign-in, or to exempt the host from the proxy.",
  },
  ERR_DESK_PROXY_REFUSED: {
    message: 'The proxy server refused to connect to this DreamFactory server.',
    nextStep: 'Ask your IT team to allow this host and port through the proxy, or to exempt the host from the proxy.',
  },
};

function stringProperty(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const property: unknown = (value as Record<string, unknown>)[key];
  return typeof property === 'string' ? property : undefined;
}

/** The most specific code: axios wraps Node's error and keeps its code, sometimes only on `cause`. */
export function transportErrorCode(error: unknown): string | undefined {
  const own = stringProperty(error, 'code');
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  const inner = stringProperty(cause, 'code');
  if (own === undefined || own === 'ERR_BAD_RESPONSE' || own === 'ERR_NETWORK') return inner ?? own;
  return own;
}

export function isTlsCode(code: string | undefined): boolean {
  if (code === undefined) return false;
  return (
    Object.hasOwn(tlsFailures, code) || /^(ERR_TLS_|ERR_SSL_)/.test(code) || /^(CERT_|UNABLE_TO_|.*_CERT$)/.test(code)
  );
}

/** Classifies an error thrown by axios's I/O adapter (no HTTP answer). Messages never quote request data. */
export function describeTransportFailure(error: unknown): TransportFailure {
  const code = transportErrorCode(error);
  const message = error instanceof Error ? error.message : '';
  if (/maxContentLength size of \d+ exceeded/.test(message)) {
    return {
      kind: 'too-large',
      code,
      message: 'The answer is too large for DF Desk to show.',
      nextStep: 'Ask for less: use limit, fields or a filter.',
    };
  }
  if (/maxBodyLength/.test(message)) {
    return {
      kind: 'too-large',
      code,
      message: 'The request body is too large to send.',
      nextStep: 'Send the data in smaller batches.',
    };
  }
  if (code !== undefined) {
    const tls = tlsFailures[code];
    if (tls !== undefined) return { kind: 'tls', code, ...tls };
    if (isTlsCode(code)) {
      return {
        kind: 'tls',
        code,
        message: `The secure connection failed: the server's certificate was not accepted (${code}).`,
        nextStep: trustedCaStep,
      };
    }
    const network = networkFailures[code];
    if (network !== undefined) return { kind: 'network', code, ...network };
  }
  if (/timeout of \d+ms exceeded/i.test(message)) return { kind: 'network', code, ...timeoutFailure };
  return {
    kind: 'network',
    code,
    message: `The request failed before the server answered${code === undefined ? '' : ` (${code})`}.`,
    nextStep: 'Check your network connection and the instance address, then try again.',
  };
}
