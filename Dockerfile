# syntax=docker/dockerfile:1
# Duet in one image: Next.js pages, API and Socket.IO from server.ts on port 3000.
#
#   docker build -t duet .
#   docker run -p 3000:3000 -v duet-data:/app/data duet        # SQLite in the volume
#
# Every step below is an npm script that CI also runs outside Docker (.ci/run, package.json):
# the install, `npm run build` (= db:generate + next build), `npm run db:migrate` and
# `npm run serve` (= tsx server.ts). No Docker engine runs on the CI machines, so this file
# itself is not built there; keeping it to those scripts is what keeps it honest.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- deps: every dependency, dev included (the build needs Next's compiler, TypeScript) -------
FROM ${NODE_IMAGE} AS deps
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

# --- build: the same `npm run build` as CI, then drop dev dependencies ----------------------
FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# --- runtime: production dependencies, the build output, the sources tsx runs ----------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    NEXT_TELEMETRY_DISABLED=1
# Application files stay root-owned (read-only to the app); only /app/data is writable.
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json /app/next.config.js /app/server.ts ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
# lib/ includes the generated Prisma clients (lib/server/db/generated).
COPY --from=build /app/lib ./lib
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
# The build's .next/cache is not needed to serve, and data/ must never come from the build
# (it may hold a generated auth secret).
RUN rm -rf .next/cache \
 && mkdir -p /app/data \
 && chown node:node /app/data
# SQLite database (DATABASE_URL=file:./data/duet.db) and, without AUTH_SECRET, the generated
# data/auth-secret. Unused with PostgreSQL and AUTH_SECRET set, but harmless.
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# Liveness only (the process answers); /api/ready also checks the database and Redis.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# `npm run db:migrate && npm run serve`, without npm in between: `exec` makes tsx the main
# process, so `docker stop`'s SIGTERM reaches it (tsx passes it on to Node) and Duet shuts
# down gracefully within its own 10 s deadline (give `docker stop` -t 15, as compose.yaml does).
CMD ["sh", "-c", "./node_modules/.bin/tsx scripts/db-migrate.ts && exec ./node_modules/.bin/tsx server.ts"]
