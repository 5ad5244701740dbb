import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PAGE_TITLE_TEMPLATE } from "@/lib/shared/page-title";
import { getSessionUser } from "./_lib/session-user";
import { AuthLinks } from "./_components/AuthLinks";
import { HydrationMark } from "./_components/HydrationMark";
import { SignOutButton } from "./_components/SignOutButton";
import "./globals.css";

export const metadata: Metadata = {
  // Every page names itself first, so a tab (or a list of them) says which page or room it is.
  title: { default: "Duet", template: PAGE_TITLE_TEMPLATE },
  description: "1:1 video calls in your browser, with a chat that keeps its history.",
  applicationName: "Duet",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // The page background in each scheme (slate-50, slate-950), for browser chrome that takes it.
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020618" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <HydrationMark />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white/80 dark:border-slate-800 dark:bg-slate-900/80">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight text-brand-600 dark:text-brand-400">
              Duet
            </Link>
            {user ? (
              <>
                <Link href="/" className="text-sm hover:underline">
                  Rooms
                </Link>
                <Link href="/history" className="text-sm hover:underline">
                  History
                </Link>
                <Link href="/check" className="text-sm hover:underline">
                  Check
                </Link>
                <Link href="/account" className="ml-auto truncate text-sm text-slate-500 dark:text-slate-400 hover:underline" title="Your account">
                  {user.name}
                </Link>
                <SignOutButton />
              </>
            ) : (
              <AuthLinks />
            )}
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
