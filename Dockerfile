# coverwatch in a container: `docker build -t coverwatch .` then see docs/deployment.md.
# Two stages: the first installs every dependency (better-sqlite3 compiles here) and compiles the
# TypeScript; the second keeps only production dependencies and the build, and runs as a non-root user.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# A C++ toolchain for better-sqlite3's native module (no binaries are downloaded).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY bin bin
COPY src src
COPY adapters adapters
COPY commands commands
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim
# Node sizes V8's young generation from the container's memory limit: 1 MiB semi-spaces at 512 MiB,
# against 16 MiB with 2 GiB or more. So small, it collects so often that an alert sweep took 12 s
# instead of 8.6 s at 512 MiB (docs/benchmarks.md); 16 MiB costs at most 45 MiB more.
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=16 \
    DATABASE_URL=/data/coverwatch.sqlite \
    HEALTH_PORT=8081 \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# 3000: Slack over HTTP (POST /slack/events, OAuth pages). 8081: /livez, /readyz, /metrics.
EXPOSE 3000 8081
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.HEALTH_PORT + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/coverwatch.mjs", "start"]
