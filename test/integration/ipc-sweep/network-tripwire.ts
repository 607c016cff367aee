import dnsPromises from 'node:dns/promises';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

export interface NetworkTripwire {
  /** Every connection or lookup something tried while the tripwire was set: `host:port` or `dns host`. */
  readonly attempts: string[];
  restore(): void;
}

/**
 * Fails every outgoing connection and DNS lookup of this process and records it, so a sweep can
 * prove that no malformed input got as far as the network. Every TCP and TLS client in Node
 * (net, tls, undici, the AWS SDK's transport) connects through `net.Socket.prototype.connect`;
 * the validation's DNS step calls `dns/promises.lookup`.
 */
export function setNetworkTripwire(): NetworkTripwire {
  const attempts: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back on the same prototype, never called detached
  const originalConnect = net.Socket.prototype.connect;
  const originalLookup = dnsPromises.lookup;
  const refused = () => Object.assign(new Error('network tripwire: this test allows no connection'), { code: 'ECONNREFUSED' });

  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    attempts.push(describeTarget(args[0]));
    process.nextTick(() => this.destroy(refused()));
    return this;
  };
  dnsPromises.lookup = async (host: string) => {
    attempts.push(`dns ${host}`);
    throw Object.assign(new Error('network tripwire: this test allows no DNS lookup'), { code: 'ENOTFOUND' });
  };
  syncBuiltinESMExports();

  return {
    attempts,
    restore() {
      net.Socket.prototype.connect = originalConnect;
      dnsPromises.lookup = originalLookup;
      syncBuiltinESMExports();
    },
  };
}

/** `net.connect` hands the socket its normalized arguments: `[{ host, port } | { path }, callback]`. */
function describeTarget(target: unknown): string {
  if (Array.isArray(target)) return describeTarget(target[0]);
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '?');
  if (typeof target === 'object' && target !== null) {
    const { host, port, path } = target as { host?: unknown; port?: unknown; path?: unknown };
    return path !== undefined ? `ipc ${text(path)}` : `${host === undefined ? 'localhost' : text(host)}:${text(port)}`;
  }
  return text(target);
}
