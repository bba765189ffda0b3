# The API and the CLI in one image. Build: docker build -t knowledgegraph .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update -q && apt-get install -y -q --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN bash scripts/build-web.sh \
 && dotnet publish src/KnowledgeGraph.Api -c Release -o /app/api \
 && dotnet publish src/KnowledgeGraph.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app /app
COPY graph-seed /app/graph-seed
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 KG_ENV=production
EXPOSE 8080
# The image's own unprivileged user: the API never runs as root, and never starts or installs a database.
USER $APP_UID

ENTRYPOINT ["dotnet", "/app/api/KnowledgeGraph.Api.dll"]
