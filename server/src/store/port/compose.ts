/**
 * An adapter class built from its parts: `class XStore extends composedOf<NetworkStore>()` whose
 * constructor passes one object spread from one part per concern. The parameter's type is the whole
 * port, so the compiler refuses a part that is missing or that answers another shape.
 */
export function composedOf<Port extends object>(): new (parts: Port) => Port {
  return class {
    constructor(parts: Port) {
      Object.assign(this, parts);
    }
  } as new (parts: Port) => Port;
}
