import { describe, expect, it } from "vitest";
import { decodeJsonBytes, detectJsonEncoding } from "../src/index.js";
import { handled, mockLike, OTHER_ORG } from "./support/pipelines.js";

const JSON_TEXT = '{"archived": true}';
const utf16be = (text: string) => {
  const bytes = new Uint8Array(text.length * 2);
  for (const [index, char] of [...text].entries()) bytes[index * 2 + 1] = char.charCodeAt(0);
  return bytes;
};
const utf32 = (text: string, littleEndian: boolean) => {
  const view = new DataView(new ArrayBuffer(text.length * 4));
  for (const [index, char] of [...text].entries())
    view.setUint32(index * 4, char.codePointAt(0) as number, littleEndian);
  return new Uint8Array(view.buffer);
};
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, "utf16le"));
const utf8 = (text: string) => new TextEncoder().encode(text);
const withBytes = (prefix: number[], bytes: Uint8Array) => new Uint8Array([...prefix, ...bytes]);

// Python's json.loads(bytes), which FastAPI calls on the raw body: the bytes say the encoding, the charset does not
describe("JSON bytes are decoded as FastAPI decodes them", () => {
  it.each<[string, Uint8Array, string]>([
    ["UTF-8", utf8(JSON_TEXT), "utf-8"],
    ["UTF-8 with a BOM", withBytes([0xef, 0xbb, 0xbf], utf8(JSON_TEXT)), "utf-8"],
    ["UTF-16LE", utf16le(JSON_TEXT), "utf-16le"],
    ["UTF-16LE with a BOM", withBytes([0xff, 0xfe], utf16le(JSON_TEXT)), "utf-16le"],
    ["UTF-16BE", utf16be(JSON_TEXT), "utf-16be"],
    ["UTF-16BE with a BOM", withBytes([0xfe, 0xff], utf16be(JSON_TEXT)), "utf-16be"],
    ["UTF-32LE", utf32(JSON_TEXT, true), "utf-32le"],
    ["UTF-32BE with a BOM", withBytes([0, 0, 0xfe, 0xff], utf32(JSON_TEXT, false)), "utf-32be"],
  ])("%s", (_name, bytes, encoding) => {
    expect(detectJsonEncoding(bytes)).toBe(encoding);
    expect(decodeJsonBytes(bytes)).toBe(JSON_TEXT);
  });

  it("bytes no encoding reads are FastAPI's 400", () => {
    expect(() => decodeJsonBytes(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(
      "There was an error parsing the body",
    );
  });
});

describe("the body stage in the pipeline", () => {
  const patch = async (body: BodyInit, contentType: string) => {
    const response = await mockLike.fetch(
      new Request(`http://mock.test/guest-connections/${OTHER_ORG}`, {
        method: "PATCH",
        headers: {
          authorization: "Bearer any",
          "requester-organization-id": OTHER_ORG,
          "target-organization-id": OTHER_ORG,
          "content-type": contentType,
        },
        body,
      }),
    );
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it.each<[string, BodyInit, string, number]>([
    [
      "UTF-8 declared charset=utf-16 (once stalled Prism)",
      JSON_TEXT,
      "application/json; charset=utf-16",
      200,
    ],
    ["UTF-16 declared charset=utf-16", utf16le(JSON_TEXT), "application/json; charset=utf-16", 200],
    ["UTF-8 with a BOM", withBytes([0xef, 0xbb, 0xbf], utf8(JSON_TEXT)), "application/json", 200],
    ["a BOM and an empty object", "\uFEFF{}", "application/json", 422],
    ["not UTF-8, UTF-16 or UTF-32", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0x20]), "application/json", 400],
    ["past 1 MiB", `{"archived": true, "pad": "${"x".repeat(1024 * 1024)}"}`, "application/json", 413],
    ["text/plain", "archived=true", "text/plain", 422],
  ])("%s", async (_name, body, contentType, status) => {
    const before = handled.length;
    const answer = await patch(body, contentType);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(handled.length - before).toBe(status === 200 ? 1 : 0);
  });

  it("400 is FastAPI's detail sentence", async () => {
    const answer = await patch(
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0x20]) as unknown as string,
      "application/json",
    );
    expect(answer.body).toEqual({ detail: "There was an error parsing the body" });
  });
});
