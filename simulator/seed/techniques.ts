import type { TechniqueRetrieveResponse } from "@flora-ai/flora/resources/techniques/techniques";

export type Technique = TechniqueRetrieveResponse;

export interface TechniqueEntry {
  technique: Technique;
  /** Workspaces where the technique is available (GET /techniques?workspace_id=). */
  workspaceIds: readonly string[];
  /** Sort key for the newest-first list; not part of FLORA's shape. */
  createdAt: number;
}

const DAY = 86_400_000;

/** run_cost is in credits, like a model's estimated_credits (a guess: FLORA does not say). */
const TECHNIQUES: readonly (Technique & { ageDays: number; workspaces: string[] })[] = [
  {
    technique_id: "tech_prodshot", name: "Product Shot Studio", ageDays: 150,
    description: "Places a product photo into a styled studio scene.",
    run_cost: 20, workspaces: ["ws_northwind", "ws_atlaslabs", "ws_sandbox"],
    inputs: [
      { id: "product", name: "Product photo", type: "imageUrl", accepts_element: true },
      { id: "scene", name: "Scene description", type: "text", optional: true,
        description: "Leave empty for a neutral seamless backdrop." },
    ],
    outputs: [
      { id: "hero", name: "Hero shot", type: "imageUrl", specified_aspect_ratio: "4:5" },
      { id: "alt", name: "Alternate angle", type: "imageUrl", optional: true },
    ],
  },
  {
    technique_id: "tech_storybrd", name: "Storyboard to Animatic", ageDays: 120,
    description: "Turns storyboard frames and a script into a short animatic.",
    run_cost: 180, workspaces: ["ws_northwind", "ws_sandbox"],
    inputs: [
      { id: "frames", name: "Storyboard frames", type: "imageUrl", allow_multiple: true },
      { id: "script", name: "Script", type: "text" },
    ],
    outputs: [
      { id: "animatic", name: "Animatic", type: "videoUrl", specified_aspect_ratio: "16:9", specified_duration: 8 },
      { id: "shot_list", name: "Shot list", type: "text" },
    ],
  },
  {
    technique_id: "tech_vrestyle", name: "Video Restyle", ageDays: 80,
    description: "Re-renders a clip in the style you describe.",
    run_cost: 120, workspaces: ["ws_northwind", "ws_atlaslabs"],
    inputs: [
      { id: "source", name: "Source clip", type: "videoUrl", specified_duration: 10 },
      { id: "style", name: "Style", type: "text" },
    ],
    outputs: [{ id: "video", name: "Restyled clip", type: "videoUrl" }],
  },
  {
    technique_id: "tech_voiceovr", name: "Voiceover Pack", ageDays: 45,
    description: "Reads a script in a chosen voice and returns a transcript.",
    run_cost: 15, workspaces: ["ws_atlaslabs", "ws_sandbox"],
    inputs: [{ id: "script", name: "Script", type: "text" }],
    outputs: [
      { id: "voiceover", name: "Voiceover", type: "audioUrl" },
      { id: "transcript", name: "Transcript", type: "documentUrl" },
    ],
  },
  {
    technique_id: "tech_brandkit", name: "Brand Kit", ageDays: 20,
    description: "Builds a palette, guidelines and sample copy from a logo.",
    run_cost: 40, workspaces: ["ws_northwind", "ws_atlaslabs", "ws_sandbox"],
    inputs: [
      { id: "logo", name: "Logo", type: "imageUrl" },
      { id: "brief", name: "Brief", type: "text", optional: true },
    ],
    outputs: [
      { id: "palette", name: "Palette", type: "imageUrl" },
      { id: "guidelines", name: "Guidelines", type: "documentUrl" },
      { id: "copy", name: "Sample copy", type: "text" },
    ],
  },
];

export function buildTechniques(start: number): TechniqueEntry[] {
  return TECHNIQUES.map(({ ageDays, workspaces, ...technique }) => ({
    technique,
    workspaceIds: workspaces,
    createdAt: start - ageDays * DAY,
  }));
}
