# syntax=docker/dockerfile:1
# Faro: multi-stage production image. Build: docker build -t faro .
# Node 22 LTS in the image; the code also runs on Node 20.19+ (engines).

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY flows ./flows
COPY locales ./locales
# Train the understanding layer once, at build (into node_modules/.cache/faro, copied below):
# every start then loads it in milliseconds instead of training for seconds.
RUN npm run build && npm prune --omit=dev && node dist/src/cli/train-understanding.js

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
# tini reaps children and forwards SIGTERM so the graceful shutdown runs.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node locales ./locales
COPY --chown=node:node flows/directory/services.json ./flows/directory/services.json
# Training data: the model cache is keyed by it (a mismatch retrains at start).
COPY --chown=node:node flows/understand/training ./flows/understand/training
COPY --chown=node:node src/console/public ./src/console/public
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/main.js"]
