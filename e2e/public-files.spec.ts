import { expect, test } from "@playwright/test";

// public/: what a browser asks for before anyone signs in (the tab's icon, the manifest,
// the robots file) must be served as itself, not redirected to /sign-in.
test.use({ storageState: { cookies: [], origins: [] } });

const PNG_SIGNATURE = "89504e470d0a1a0a";

test("the favicon is a real ICO, served signed out", async ({ request }) => {
  const response = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const body = await response.body();
  // ICONDIR: reserved 0, type 1 (icon), at least one image.
  expect(body.readUInt16LE(0)).toBe(0);
  expect(body.readUInt16LE(2)).toBe(1);
  expect(body.readUInt16LE(4)).toBeGreaterThanOrEqual(1);
});

test("robots.txt keeps crawlers out of a private dashboard", async ({ request }) => {
  const response = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  const lines = (await response.text()).split(/\r?\n/).map((line) => line.trim());
  expect(lines).toContain("User-agent: *");
  expect(lines).toContain("Disallow: /");
});

test("the manifest parses, names Atelier, and every icon it names is a PNG of that size", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: Array<{ src: string; sizes: string; type: string }>;
  };
  expect(manifest).toMatchObject({ name: "Atelier", start_url: "/generations", display: "standalone" });
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src, { maxRedirects: 0 });
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toBe(icon.type);
    const body = await file.body();
    expect(body.subarray(0, 8).toString("hex")).toBe(PNG_SIGNATURE);
    // IHDR's width and height, right after the signature and the chunk's length and type.
    expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
});

test("each app icon answers 200 as a PNG", async ({ request }) => {
  for (const [path, size] of [
    ["/icon-192.png", 192],
    ["/icon-512.png", 512],
    ["/apple-touch-icon.png", 180],
  ] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toBe("image/png");
    const body = await response.body();
    expect(body.subarray(0, 8).toString("hex"), path).toBe(PNG_SIGNATURE);
    expect(body.readUInt32BE(16), path).toBe(size);
  }
});

/** The `<link>` tags of an HTML page, each as its attributes. */
function linkTags(html: string): Array<Record<string, string>> {
  return [...html.matchAll(/<link\b([^>]*)>/gi)].map(([, attributes]) =>
    Object.fromEntries([...attributes!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!.toLowerCase(), value!])),
  );
}

test("the sign-in page's HTML links the manifest and the icons", async ({ request }) => {
  const response = await request.get("/sign-in", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const links = linkTags(await response.text());
  expect(links).toContainEqual(expect.objectContaining({ rel: "manifest", href: "/manifest.webmanifest" }));
  expect(links).toContainEqual(expect.objectContaining({ rel: "icon", href: "/favicon.ico" }));
  expect(links).toContainEqual(expect.objectContaining({ rel: "apple-touch-icon", href: "/apple-touch-icon.png" }));
});
