// A citizen app written against the client generated from the portal's OpenAPI document: open311.d.ts comes from
// openapi-typescript at test time, and tsc refuses this file if a path, parameter or field below is not in it.
// usage: node client.mjs BASE_URL API_KEY   → prints one JSON line with what it saw
import createClient from "openapi-fetch";
import type { paths } from "./open311.js";

declare const process: { argv: string[] }; // (no @types/node: the one Node API used here)

const [baseUrl, apiKey] = process.argv.slice(2);
const client = createClient<paths>({ baseUrl });

// Open311 POSTs are form-encoded: the body is the generated form type, serialised as the specification says.
const form = (body: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(body).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));

const services = await client.GET("/open311/v2/services.{format}", { params: { path: { format: "json" } } });
const serviceCode = services.data?.[0]?.service_code;

const description = "Đèn đường tắt cả dãy, ứng dụng sinh từ OpenAPI " + Date.now();
const created = await client.POST("/open311/v2/requests.{format}", {
  params: { path: { format: "json" } },
  body: { api_key: apiKey, service_code: "rac-thai", lat: 9.783, long: 105.467, description },
  bodySerializer: form,
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});
const code = created.data?.[0]?.service_request_id;

const read = code
  ? await client.GET("/open311/v2/requests/{service_request_id}.{format}", { params: { path: { service_request_id: code, format: "json" } } })
  : undefined;
const listed = code
  ? await client.GET("/open311/v2/requests.{format}", { params: { path: { format: "json" }, query: { service_request_id: code } } })
  : undefined;
const refused = await client.POST("/open311/v2/requests.{format}", {
  params: { path: { format: "json" } },
  body: { api_key: apiKey, service_code: "khong-co", lat: 9.783, long: 105.467, description },
  bodySerializer: form,
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

console.log(JSON.stringify({
  serviceCode,
  createdStatus: created.response.status,
  code,
  notice: created.data?.[0]?.service_notice,
  readStatus: read?.response.status,
  readCode: read?.data?.[0]?.service_request_id,
  readDescription: read?.data?.[0]?.description,
  readStatusText: read?.data?.[0]?.status,
  listedCodes: listed?.data?.map(r => r.service_request_id),
  refusedStatus: refused.response.status,
  refusedError: refused.error,
  expectedDescription: description,
}));
