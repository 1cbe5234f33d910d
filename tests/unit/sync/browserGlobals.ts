Object.assign(globalThis, { self: globalThis });
