import type { Config } from "tailwindcss";

// Tailwind 4 reads this through `@config` in app/globals.css.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./lib/client/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { 50: "#eef2ff", 400: "#818cf8", 500: "#6366f1", 600: "#4f46e5", 700: "#4338ca" },
      },
    },
  },
};

export default config;
