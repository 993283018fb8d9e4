/** Freezes a value and everything in it that is not frozen yet (a frozen object is taken to be frozen all through). @internal */
export function deepFreeze<T>(value: T): T {
  freezeValue(value);
  return value;
}

function freezeValue(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === "object" && item !== null) freezeValue(item);
    }
  } else {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === "object" && item !== null) freezeValue(item);
    }
  }
}
