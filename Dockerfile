# syntax=docker/dockerfile:1
# Duet in one image: Next.js pages, API and Socket.IO from one Node process on port 3000.
#
#   docker build -t duet .
#   docker run -p 3000:3000 -v duet-data:/app/data duet        # SQLite in the volume
#
# Every step below is an npm script or a command that CI also runs outside Docker (.ci/run,
# package.json): the install, `npm run build`, whose last step assembles the production tree
# (.next/standalone), and, in that tree, `node dist/scripts/db-migrate.js` then
# `node dist/server.js` — what the e2e tests start. No Docker engine runs on the CI machines, so
# this file itself is not built there; keeping it to those commands is what keeps it honest.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency, dev included (Next's compiler, TypeScript, esbuild, the tracer) ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles itself when no prebuilt binary matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The postinstall script (npm run db:generate) reads these.
COPY scripts ./scripts
COPY prisma ./prisma
COPY lib/server/db/database-url.ts ./lib/server/db/database-url.ts
# `npm install`, as CI runs it: `npm ci` rejects today's package-lock.json (it lacks some other
# platforms' optional packages, see .ci/run). Switch to `npm ci` once the lock file is whole.
# Prisma's CLI would download a native schema engine; db:generate points it at node instead.
RUN npm install --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# db:generate, the server compiled to dist/, next build, and the production tree: Next's traced
# server plus dist/ and only the node_modules files these load (npm run test:production-tree
# prints its size, about 45 MiB; CI fails it past 250 MiB).
RUN npm run build

# --- runtime: the production tree and nothing else: no npm install, no compiler --------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NEXT_TELEMETRY_DISABLED=1
# Application files stay root-owned (read-only to the app); only /app/data is writable. The
# tree never holds data/ (the build's generated auth secret, if any, stays in the build stage).
COPY --from=build /app/.next/standalone ./
RUN mkdir -p /app/data \
 && chown node:node /app/data
# SQLite database (DATABASE_URL=file:./data/duet.db) and, without AUTH_SECRET, the generated
# data/auth-secret. Unused with PostgreSQL and AUTH_SECRET set, but harmless.
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# Liveness only (the process answers); /api/ready also checks the database and Redis.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrate, then serve, with plain Node and no npm in between: `exec` makes node the main
# process, so `docker stop`'s SIGTERM reaches Duet, which shuts down gracefully within its own
# 10 s deadline (give `docker stop` -t 15, as compose.yaml does). Run from /app: Duet finds its
# build and compiled modules relative to its working directory.
CMD ["sh", "-c", "node dist/scripts/db-migrate.js && exec node dist/server.js"]
