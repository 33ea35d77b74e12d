import { describe, expect, it } from "vitest";
import { generationFieldErrors, normaliseFieldPath, techniqueFieldErrors } from "@/lib/params/field-paths";

describe("field paths", () => {
  it("read dotted, bracketed and pointer paths alike", () => {
    expect(normaliseFieldPath("params.camera_control.pan")).toBe("params.camera_control.pan");
    expect(normaliseFieldPath("params[camera_control][pan]")).toBe("params.camera_control.pan");
    expect(normaliseFieldPath("params['camera_control'].pan")).toBe("params.camera_control.pan");
    expect(normaliseFieldPath("/params/image_urls/1")).toBe("params.image_urls.1");
    expect(normaliseFieldPath("inputs[2].value")).toBe("inputs.2.value");
  });

  it("put a dict row's error on that row, whether the key is in the path or only in the message", () => {
    const dicts = new Map([["camera_control", ["pan", "tilt", "zoom"]]]);
    expect(generationFieldErrors([{ field: "params.camera_control.pan", message: "Must be at most 10." }], dicts)).toEqual({ "params.camera_control.pan": "Must be at most 10." });
    expect(generationFieldErrors([{ field: "params.camera_control", message: '"pan": Must be at most 10.' }], dicts)).toEqual({ "params.camera_control.pan": "Must be at most 10." });
    // A key the dict does not have stays on the dict.
    expect(generationFieldErrors([{ field: "params.camera_control", message: '"roll": Unknown.' }], dicts)).toEqual({ "params.camera_control": '"roll": Unknown.' });
    expect(generationFieldErrors([{ field: "params[image_urls][1]", message: "Must be an http(s) URL." }])).toEqual({ "params.image_urls.1": "Must be an http(s) URL." });
  });

  it("turn FLORA's index into the inputs it was sent into the technique form's input and row", () => {
    const sent = [
      { id: "frames", type: "imageUrl" as const, value: "https://a.example/1.png" },
      { id: "frames", type: "imageUrl" as const, value: "bad" },
      { id: "script", type: "text" as const, value: "hi" },
    ];
    const multiple = new Set(["frames"]);
    // The form's row 2 was blank and not sent: FLORA's second frame is the form's row 3.
    const rowOf = (_id: string, place: number) => [0, 2][place] ?? place;
    expect(techniqueFieldErrors([{ field: "inputs.1.value", message: "Must be an http(s) URL." }], sent, multiple, rowOf)).toEqual({ "inputs.frames.2": "Must be an http(s) URL." });
    expect(techniqueFieldErrors([{ field: "inputs.2.value", message: "Must not be empty." }], sent, multiple, rowOf)).toEqual({ "inputs.script": "Must not be empty." });
    expect(techniqueFieldErrors([{ field: "inputs.frames.1", message: "Must be an http(s) URL." }], sent, multiple, rowOf)).toEqual({ "inputs.frames.2": "Must be an http(s) URL." });
    expect(techniqueFieldErrors([{ field: "inputs", message: 'Missing required input "logo".' }], sent, multiple)).toEqual({ inputs: 'Missing required input "logo".' });
  });
});
