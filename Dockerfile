# syntax=docker/dockerfile:1
#
# Atelier's production image: the dashboard's own server (scripts/serve.ts) on a build made
# here, against FLORA. It never starts the simulator and never rebuilds.
#
#   docker build -t atelier .
#   docker run -p 3000:3000 -e FLORA_API_KEY=sk_live_… -e AUTH_SECRET="$(openssl rand -base64 32)" \
#     -v atelier-data:/app/data atelier
#
# Without FLORA_API_KEY or AUTH_SECRET the container stops at once and says which is missing.
# docker-compose.yml runs two of these behind Caddy with Postgres, Redis and MinIO.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- deps: every dependency, dev ones included (the build needs them) ----------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded: these
# tools stay in this stage and never reach the runtime image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- build: the production build (`next build`) ---------------------------------------------
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# The runtime needs production dependencies only: pruning after the build keeps the native
# modules compiled above (no second compile, no build tools in the runtime stage).
RUN npx next build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf .next/cache

# --- runtime: what the production server needs, as a user without privileges -------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
RUN groupadd --system --gid 1001 atelier \
 && useradd --system --uid 1001 --gid atelier --home-dir /app --no-create-home atelier \
 && mkdir -p /app/data \
 && chown atelier:atelier /app/data
# Code and dependencies belong to root: the server can read them, not change them. The
# build folder is the server's (Next writes its caches there).
COPY --from=build /app/package.json /app/tsconfig.json /app/next.config.mjs ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/public ./public
# scripts/serve.ts is run from source (tsx, a production dependency) with the lib/ modules it imports.
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/lib ./lib
COPY --from=build --chown=atelier:atelier /app/.next ./.next

USER atelier
# The SQLite store (DATABASE_URL's default, file:./data/atelier.db) and the archive's folder
# (ARCHIVE_DIR's default, ./data/archive) live here; with Postgres and S3 it holds nothing
# that needs keeping.
VOLUME ["/app/data"]
EXPOSE 3000

# No curl in the image: Node's own fetch asks /api/health, which answers 503 only when the
# store fails (see the README's Deployment section).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# exec: node is PID 1 and gets SIGTERM itself (it drains requests and closes the store
# within 10 s). The container always listens on every interface; PORT picks the port.
CMD ["sh", "-c", "exec node --import tsx scripts/serve.ts --port \"${PORT:-3000}\" --hostname 0.0.0.0"]
