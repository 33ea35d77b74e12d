import type { ModelListResponse } from "@flora-ai/flora/resources/models";
import type { GenerationType } from "../runs/run-record";

export type Model = ModelListResponse.Model;
export type ModelParam = ModelListResponse.Model.Param;

const aspectRatio = (defaultValue: string, values: string[]): ModelParam => ({
  name: "aspect_ratio",
  type: "string",
  required: false,
  default: defaultValue,
  label: "Aspect ratio",
  options: values.map((value) => ({ value, label: value })),
});
const seedParam: ModelParam = {
  name: "seed",
  type: "seed",
  required: false,
  label: "Seed",
  description: "Same seed and prompt give the same result.",
  min: 0,
  max: 4_294_967_295,
};

/** The catalog covers every param type FLORA documents, so forms can be tested. */
export const MODELS: readonly Model[] = [
  {
    model_id: "t2i-flux-2-pro", name: "FLUX.2 [pro]", provider: "Black Forest Labs", type: "image",
    capabilities: ["text-to-image", "image-to-image"], estimated_credits: 8, estimated_seconds: 12,
    params: [
      aspectRatio("1:1", ["1:1", "16:9", "9:16", "4:3", "3:4"]),
      { name: "num_images", type: "int", required: false, default: 1, min: 1, max: 4, label: "Images" },
      { name: "guidance", type: "float", required: false, default: 3.5, min: 1, max: 10, label: "Guidance",
        description: "How closely the image follows the prompt." },
      seedParam,
      { name: "safety_checker", type: "bool", required: false, default: true, label: "Safety checker" },
      { name: "image_urls", type: "string[]", required: false, label: "Reference images",
        description: "Up to four image URLs to guide the composition." },
    ],
  },
  {
    model_id: "t2i-ideogram-v3", name: "Ideogram 3.0", provider: "Ideogram", type: "image",
    capabilities: ["text-to-image", "typography"], estimated_credits: 6, estimated_seconds: 10,
    params: [
      { name: "style", type: "string", required: true, default: "auto", label: "Style",
        options: [
          { value: "auto", label: "Auto" },
          { value: "realistic", label: "Realistic", description: "Photographic look." },
          { value: "design", label: "Design", description: "Flat graphics and lettering." },
        ] },
      { name: "negative_prompt", type: "string", required: false, label: "Negative prompt" },
      { name: "magic_prompt", type: "bool", required: false, default: false, label: "Magic prompt" },
      aspectRatio("1:1", ["1:1", "16:9", "9:16"]),
    ],
  },
  {
    model_id: "t2i-seedream-4", name: "Seedream 4.0", provider: "ByteDance", type: "image", beta: true,
    capabilities: ["text-to-image", "image-editing"], estimated_credits: 5, estimated_seconds: 9,
    params: [aspectRatio("1:1", ["1:1", "4:3", "3:4"]), seedParam],
  },
  {
    model_id: "t2v-veo-3", name: "Veo 3", provider: "Google", type: "video",
    capabilities: ["text-to-video", "audio"], estimated_credits: 150, estimated_seconds: 120,
    params: [
      { name: "duration", type: "int", required: false, default: 8, min: 4, max: 8, label: "Duration (s)" },
      aspectRatio("16:9", ["16:9", "9:16"]),
      { name: "generate_audio", type: "bool", required: false, default: true, label: "Generate audio" },
      { name: "negative_prompt", type: "string", required: false, label: "Negative prompt" },
      seedParam,
    ],
  },
  {
    model_id: "i2v-kling-2-1", name: "Kling 2.1", provider: "Kuaishou", type: "video",
    capabilities: ["image-to-video"], estimated_credits: 90, estimated_seconds: 150,
    params: [
      { name: "image_url", type: "string", required: true, label: "Start frame",
        description: "URL of the image the video starts from." },
      { name: "duration", type: "string", required: false, default: "5", label: "Duration",
        options: [{ value: "5", label: "5 seconds" }, { value: "10", label: "10 seconds" }] },
      { name: "cfg_scale", type: "float", required: false, default: 0.5, min: 0, max: 1, label: "CFG scale" },
      { name: "camera_control", type: "dict", required: false, label: "Camera control",
        description: "Camera movement, each axis from -10 to 10.",
        properties: {
          pan: { default: 0, min: -10, max: 10 },
          tilt: { default: 0, min: -10, max: 10 },
          zoom: { default: 0, min: -10, max: 10 },
        } },
    ],
  },
  {
    model_id: "t2a-elevenlabs-v3", name: "Eleven v3", provider: "ElevenLabs", type: "audio",
    capabilities: ["text-to-speech"], estimated_credits: 4, estimated_seconds: 8,
    params: [
      { name: "voice", type: "string", required: false, default: "aria", label: "Voice",
        options: [{ value: "aria", label: "Aria" }, { value: "roger", label: "Roger" }, { value: "sarah", label: "Sarah" }] },
      { name: "stability", type: "float", required: false, default: 0.5, min: 0, max: 1, label: "Stability" },
      { name: "max_duration_seconds", type: "int?", required: false, default: null, min: 1, max: 300,
        label: "Max duration", description: "Leave empty for no limit." },
    ],
  },
  {
    model_id: "t2a-stable-audio-2-5", name: "Stable Audio 2.5", provider: "Stability AI", type: "audio",
    capabilities: ["text-to-music", "sound-effects"], estimated_credits: 10, estimated_seconds: 30,
    params: [
      { name: "duration", type: "int", required: false, default: 30, min: 1, max: 190, label: "Duration (s)" },
      { name: "steps", type: "int", required: false, default: 8, min: 4, max: 16, label: "Steps" },
      seedParam,
    ],
  },
  {
    model_id: "llm-claude-sonnet-4-5", name: "Claude Sonnet 4.5", provider: "Anthropic", type: "text",
    capabilities: ["text-generation", "vision"], estimated_credits: 2, estimated_seconds: 6,
    params: [
      { name: "system", type: "string", required: false, label: "System prompt" },
      { name: "temperature", type: "float", required: false, default: 0.7, min: 0, max: 1, label: "Temperature" },
      { name: "max_tokens", type: "int", required: false, default: 1024, min: 1, max: 8192, label: "Max tokens" },
      { name: "stop_sequences", type: "string[]", required: false, label: "Stop sequences" },
    ],
  },
  {
    model_id: "llm-gpt-5-mini", name: "GPT-5 mini", provider: "OpenAI", type: "text",
    capabilities: ["text-generation"], estimated_credits: 1, estimated_seconds: 4,
    params: [
      { name: "reasoning_effort", type: "string", required: false, default: "low", label: "Reasoning effort",
        options: [{ value: "low", label: "Low" }, { value: "medium", label: "Medium" }, { value: "high", label: "High" }] },
      { name: "max_tokens", type: "int?", required: false, default: null, min: 1, max: 16384, label: "Max tokens" },
    ],
  },
];

export function findModel(modelId: string): Model | undefined {
  return MODELS.find((model) => model.model_id === modelId);
}

/** The model used when POST /generate names none: the first non-beta model of the type. */
export function defaultModel(type: GenerationType): Model {
  const model = MODELS.find((candidate) => candidate.type === type && !candidate.beta);
  if (!model) throw new Error(`no default model for ${type}`);
  return model;
}
