import type { MetadataRoute } from "next";

/** What a browser needs to install Duet as an app: its name, where it starts, its icon and colours. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Duet",
    short_name: "Duet",
    description: "1:1 video calls in your browser, with a chat that keeps its history.",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#4f46e5",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}
