import net from "node:net";
import { vi } from "vitest";

/**
 * Records every socket this process connects from now on, and lets it connect: `net.Socket.prototype.connect` is
 * where Node's fetch (undici), node:http and every TCP client connect. `stop()` puts the original back.
 */
export function recordSockets(): { connects: () => string[]; stop: () => void } {
  const connects: string[] = [];
  const original = net.Socket.prototype.connect;
  const spy = vi.spyOn(net.Socket.prototype, "connect").mockImplementation(function (
    this: net.Socket,
    ...args: unknown[]
  ) {
    connects.push(JSON.stringify(args[0]) ?? String(args[0]));
    return (original as (...given: unknown[]) => net.Socket).apply(this, args);
  });
  return { connects: () => [...connects], stop: () => spy.mockRestore() };
}

/** The TCP handles alive now (`process.getActiveResourcesInfo`): a socket opened and still open shows here. */
export const tcpHandles = () =>
  process.getActiveResourcesInfo().filter((resource) => resource.startsWith("TCP"));
