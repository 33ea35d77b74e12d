import { redirect } from "next/navigation";

// The dashboard's home is the generation history.
export default function Home() {
  redirect("/generations");
}
