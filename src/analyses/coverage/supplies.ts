/**
 * Who supplies coverage: which services count (active, or planned when asked), which reach people remotely with
 * unlimited capacity, which only through remote channels of limited capacity, and the capacity of each supply
 * (service points first, then the limited remote channels) for the floating catchment (docs/coverage.md).
 * @internal
 * @module
 */
import type { Model } from "../../schemas/model.js";
import { isActiveService } from "../../schemas/service.js";
import { f64 } from "../typed-column.js";
import { int32s } from "../../typed-arrays.js";

/** The services and supplies of coverage. @internal */
export interface Supplies {
  /** 1 for a service that counts. */
  active: Uint8Array;
  /** 1: a remote channel with unlimited capacity; 2: limited remote channels only; 0: none. */
  remote: Uint8Array;
  /** The supply of a service's limited remote channels (-1: none). */
  remoteSupply: Int32Array;
  /** Capacity of each supply: service point `p` is supply `p`; remote ones follow. */
  capacity: Float64Array;
  /** 1 for a service point without a capacity (unlimited). */
  pointUnlimited: Uint8Array;
}

/** Reads the services and points of a model as supplies. @internal */
export function supplies(model: Model, options: { channels: ReadonlySet<string>; includePlanned: boolean }): Supplies {
  const nServices = model.services.length;
  const active = new Uint8Array(nServices);
  const remote = new Uint8Array(nServices);
  const remoteSupply = int32s(nServices).fill(-1);
  const capacity = f64();
  const pointUnlimited = new Uint8Array(model.servicePoints.length);
  model.servicePoints.forEach((p, k) => {
    if (p.capacity === undefined) pointUnlimited[k] = 1;
    capacity.push(p.capacity ?? 0);
  });
  model.services.forEach((s, k) => {
    active[k] = isActiveService(s) || (options.includePlanned && s.status === "planned") ? 1 : 0;
    let limited = 0;
    for (const ch of s.channels) {
      if (!options.channels.has(ch.kind)) continue;
      if (ch.capacity === undefined) remote[k] = 1;
      else limited += ch.capacity;
    }
    if (remote[k] !== 1 && s.channels.some((ch) => options.channels.has(ch.kind))) {
      remote[k] = 2;
      remoteSupply[k] = capacity.size;
      capacity.push(limited);
    }
  });
  return { active, remote, remoteSupply, capacity: capacity.values(), pointUnlimited };
}
