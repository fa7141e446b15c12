import { describe, expect, it } from "vitest";
import { readForm } from "./form.server";

const url = "http://localhost/careers/x";

function post(body: BodyInit | null, type: string | null, headers: Record<string, string> = {}) {
  return new Request(url, { method: "POST", body, headers: { ...(type ? { "Content-Type": type } : {}), ...headers }, duplex: "half" } as RequestInit);
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; text: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return { status: error.status, text: await error.text() };
    throw error;
  }
  throw new Error("the form was accepted");
}

const urlencoded = "application/x-www-form-urlencoded";

describe("readForm", () => {
  it("reads an ordinary urlencoded form", async () => {
    const form = await readForm(post("name=Aino+Virtanen&languages%5B0%5D.language=fi", urlencoded));
    expect(form.get("name")).toBe("Aino Virtanen");
    expect(form.get("languages[0].language")).toBe("fi");
  });

  it("refuses a huge array index at once, naming the field", async () => {
    const r = await refusal(readForm(post("languages[999999].language=fi&name=x", urlencoded)));
    expect(r.status).toBe(400);
    expect(r.text).toContain("languages[999999].language");
  });

  it("refuses NUL bytes in values and names", async () => {
    expect((await refusal(readForm(post("name=a%00b", urlencoded)))).status).toBe(400);
    expect((await refusal(readForm(post("na%00me=ab", urlencoded)))).status).toBe(400);
  });

  it("refuses too many fields", async () => {
    const body = Array.from({ length: 1_001 }, (_, i) => `f${i}=1`).join("&");
    expect((await refusal(readForm(post(body, urlencoded)))).text).toContain("more than 1000 fields");
  });

  it("counts bytes while reading, whatever Content-Length says", async () => {
    const chunk = new TextEncoder().encode("a=" + "x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(chunk);
        if (sent > 1_000) controller.close();
      },
    });
    const r = await refusal(readForm(post(stream, urlencoded), { maxBytes: 1024 * 1024 }));
    expect(r.status).toBe(413);
    // Reading stopped soon after the limit, long before the 64 MB the stream could deliver.
    expect(sent).toBeLessThan(40);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const r = await refusal(readForm(post("a=1", urlencoded, { "Content-Length": String(10 * 1024 * 1024) }), { maxBytes: 1024 }));
    expect(r.status).toBe(413);
  });

  it("refuses bodies that are not forms, and malformed multipart", async () => {
    expect((await refusal(readForm(post('{"email":"a"}', "application/json")))).status).toBe(415);
    expect((await refusal(readForm(post("hello", "text/plain")))).status).toBe(415);
    expect((await refusal(readForm(post("--x\r\nbroken", "multipart/form-data; boundary=x")))).status).toBe(400);
  });

  it("refuses invalid UTF-8", async () => {
    expect((await refusal(readForm(post(new Uint8Array([0x6e, 0x3d, 0xff, 0xfe]), urlencoded)))).status).toBe(400);
  });

  it("takes files only where the route allows them", async () => {
    const body = new FormData();
    body.set("file", new File(["queue,start\n"], "h.csv", { type: "text/csv" }));
    const encoded = new Request(url, { method: "POST", body });
    const type = encoded.headers.get("Content-Type")!;
    const bytes = await encoded.arrayBuffer();
    expect((await refusal(readForm(post(bytes, type)))).status).toBe(400);
    const form = await readForm(post(bytes, type), { files: true });
    expect(form.get("file")).toBeInstanceOf(File);
  });

  it("treats an empty body as an empty form", async () => {
    expect([...(await readForm(post(null, null))).keys()]).toEqual([]);
  });
});
