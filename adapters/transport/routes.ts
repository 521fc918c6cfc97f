// The path of a legacy request and the route it belongs to, from one template: the path has its
// values escaped, and the route leaves them out, so that logs name the route without the ids,
// card numbers or SKUs of the request.

export interface Route {
  /** `/v1/members/4000123456781234/transactions` */
  path: string;
  /** `/v1/members/{}/transactions` */
  name: string;
}

export function route(parts: TemplateStringsArray, ...values: (string | number)[]): Route {
  const path = parts.reduce((built, part, i) => built + encodeURIComponent(values[i - 1]) + part);
  return { path, name: parts.join('{}') };
}
