# Production-like image: the app served by its launcher against the PostgreSQL in
# docker-compose.yml (DATABASE_URL). Multi-stage: dependencies, build, runtime.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
COPY prisma prisma
COPY prisma.config.ts ./
COPY lib/db/migration-adapter.ts lib/db/migration-adapter.ts
RUN npm ci --no-audit --no-fund

FROM deps AS build
WORKDIR /app
COPY . .
RUN npx next build

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data \
    SKIP_BUILD=true
RUN groupadd --system app && useradd --system --gid app --home /app app \
    && mkdir -p /data && chown app:app /data
COPY --from=build --chown=app:app /app /app
USER app
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# node runs the launcher itself, so SIGTERM reaches it first-hand; it serves the app through
# scripts/serve-next.mjs and passes the signal on (drain, jobs handed back, exit 0).
CMD ["node", "--import", "tsx", "scripts/launch.ts", "start"]
