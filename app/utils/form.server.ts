import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

// Reads a request's form body within limits — bytes (counted while streaming), field count, field-name
// length, array indexes, NUL bytes — before any parser sees it, so one hostile POST costs next to nothing.
//
// Why here and not in each route: conform and zod build arrays from names such as `languages[999999]`,
// and a route that renders the reply would then render a million rows. Every action reads its body
// through `readForm` (or `readUploadForm` for files streamed to disk); the lint rule that bans
// `request.formData()` keeps it so.

export interface FormLimits {
  /** Largest body accepted, in bytes (default 256 KiB; uploads pass their own). */
  maxBytes?: number;
  /** Most fields (name–value pairs) accepted (default 1,000). */
  maxFields?: number;
  /** Largest array index in a field name such as `slots[12].day` (default 100). */
  maxIndex?: number;
  /** Whether file parts are accepted (default false: a file in a plain form is refused). */
  files?: boolean;
}

const DEFAULTS = { maxBytes: 256 * 1024, maxFields: 1_000, maxIndex: 100, files: false } satisfies Required<FormLimits>;
const MAX_NAME_LENGTH = 200;

/**
 * A thrown plain-text response: the route's ErrorBoundary shows it as a page, fetchers get the status.
 * A 413 closes the connection: the rest of the body is never read, so the socket cannot be reused.
 */
function refuse(status: number, message: string): never {
  const headers: Record<string, string> = { "Content-Type": "text/plain; charset=utf-8" };
  if (status === 413) headers.Connection = "close";
  throw new Response(message, { status, headers });
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Reads the body, stopping as soon as it passes `maxBytes` whatever Content-Length claims (chunked bodies too). */
async function readBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => refuse(413, `The form is larger than ${describeBytes(maxBytes)}.`);
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      refuse(400, "The form could not be read: the upload was interrupted.");
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      tooLarge();
    }
    chunks.push(step.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    refuse(400, "The form could not be read: it is not valid UTF-8 text.");
  }
}

/** Checks every name and value against the limits; the first problem becomes a 400 that names the field. */
export function checkFormData(form: FormData, limits: FormLimits = {}): FormData {
  const { maxFields, maxIndex, files } = { ...DEFAULTS, ...limits };
  let count = 0;
  for (const [name, value] of form.entries()) {
    if (++count > maxFields) refuse(400, `The form has more than ${maxFields} fields.`);
    const shown = name.slice(0, 40).replace(/\0/g, "\\0");
    if (name.length > MAX_NAME_LENGTH) refuse(400, `The form has a field name longer than ${MAX_NAME_LENGTH} characters ("${shown}…").`);
    if (name.includes("\0")) refuse(400, `The field "${shown}" has a NUL character in its name.`);
    for (const match of name.matchAll(/\[(\d+)\]/g)) {
      if (match[1].length > 6 || Number(match[1]) > maxIndex) refuse(400, `The field "${shown}" has an index above ${maxIndex}.`);
    }
    if (typeof value === "string") {
      if (value.includes("\0")) refuse(400, `The field "${shown}" contains a NUL character; remove it and send the form again.`);
    } else if (!files) {
      refuse(400, `The field "${shown}" is a file, which this form does not take.`);
    }
  }
  return form;
}

/**
 * The request's form, read within `limits`: 413 when the body is too large, 415 when it is not a form,
 * 400 (naming the field) for malformed bodies, NUL bytes, invalid UTF-8, too many fields or huge indexes.
 */
export async function readForm(request: Request, limits: FormLimits = {}): Promise<FormData> {
  const { maxBytes } = { ...DEFAULTS, ...limits };
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  const isUrlEncoded = type.startsWith("application/x-www-form-urlencoded");
  const isMultipart = type.startsWith("multipart/form-data");
  const bytes = await readBody(request, maxBytes);
  if (!isUrlEncoded && !isMultipart) {
    if (bytes.byteLength === 0) return new FormData();
    refuse(415, "Send this form as application/x-www-form-urlencoded or multipart/form-data.");
  }
  let form: FormData;
  if (isUrlEncoded) {
    form = new FormData();
    for (const [name, value] of new URLSearchParams(decodeUtf8(bytes))) form.append(name, value);
  } else {
    try {
      form = await new Response(bytes, { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
    } catch {
      refuse(400, "The form could not be read: the multipart body is malformed.");
    }
  }
  return checkFormData(form, limits);
}

/** A file part of a form read by `readUploadForm`: on disk, with the name the person gave it. */
export type DiskUpload = { name: string; path: string; size: number };

/**
 * A multipart form whose file parts are streamed to a temporary directory as they arrive — a 50 MB
 * upload never sits in memory — within the same limits as `readForm` (bytes counted while streaming,
 * 413 past `maxBytes`; fields checked). Text fields stay small (64 KB each). The caller removes
 * `directory` when done (`withUploadForm` does).
 */
export async function readUploadForm(
  request: Request,
  limits: FormLimits & { maxBytes: number },
): Promise<{ form: FormData; files: Map<string, DiskUpload>; directory: string }> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) refuse(415, "Send this form as multipart/form-data.");
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (Number.isFinite(declared) && declared > limits.maxBytes) refuse(413, `The form is larger than ${describeBytes(limits.maxBytes)}.`);
  const { unstable_parseMultipartFormData, unstable_composeUploadHandlers, unstable_createFileUploadHandler, unstable_createMemoryUploadHandler } =
    await import("@remix-run/node");
  const directory = await mkdtemp(path.join(tmpdir(), "handoff-upload-"));
  let size = 0;
  let tooLarge = false;
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limits.maxBytes) {
          tooLarge = true;
          controller.error(new Error("too large"));
        } else controller.enqueue(chunk);
      },
    }),
  );
  const files = new Map<string, DiskUpload>();
  try {
    const streamed = new Request(request.url, { method: request.method, headers: request.headers, body: counted ?? null, duplex: "half" } as RequestInit);
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(
        streamed,
        unstable_composeUploadHandlers(
          unstable_createFileUploadHandler({
            directory,
            // One directory per part keeps the name the person gave the file (shown in messages), without path parts.
            file: ({ filename }) =>
              `${files.size}/${
                path
                  .basename(filename)
                  .replace(/[^\p{L}\p{N} ._-]/gu, "_")
                  .slice(0, 120) || "upload"
              }`,
            maxPartSize: limits.maxBytes,
          }),
          unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 }),
        ),
      );
    } catch (error) {
      if (tooLarge) refuse(413, `The form is larger than ${describeBytes(limits.maxBytes)}.`);
      if (error instanceof Response) throw error;
      refuse(400, "The form could not be read: the multipart body is malformed or a field is too large.");
    }
    checkFormData(form, limits);
    for (const [name, value] of form.entries()) {
      if (typeof value === "string") continue;
      const file = value as File & { getFilePath?: () => string };
      if (file.getFilePath) files.set(name, { name: file.name, path: file.getFilePath(), size: file.size });
    }
    return { form, files, directory };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

/** Reads an upload form with `readUploadForm`, runs `use`, and removes the uploaded files whatever happens. */
export async function withUploadForm<T>(
  request: Request,
  limits: FormLimits & { maxBytes: number },
  use: (form: FormData, files: Map<string, DiskUpload>) => Promise<T>,
): Promise<T> {
  const { form, files, directory } = await readUploadForm(request, limits);
  try {
    return await use(form, files);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * The reply to a form that did not go through: conform's `submission.reply()` (field errors beside their fields,
 * form errors above them, the values kept) with status 400, or the status of the rule that refused it (409, 410…).
 * Every route answers a failed form with this one shape, `{ result }`.
 */
export function replyInvalid<Schema>(
  submission: Submission<Schema>,
  options: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[]; status?: number } = {},
) {
  const { status = 400, ...reply } = options;
  return data({ result: submission.reply(reply) }, { status });
}
