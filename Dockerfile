# CoProduce on the official .NET images. Build: docker build -t coproduce .
# See docs/deployment.md for the settings to give it and how to run the first-lead command.

# ---- Build: the .NET SDK, with Node.js and npm for the GOV.UK Frontend assets the build compiles.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first, so that a change to the code alone does not fetch every package again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CoProduce.Web/CoProduce.Web.csproj src/CoProduce.Web/
RUN dotnet restore src/CoProduce.Web/CoProduce.Web.csproj

COPY src/CoProduce.Web/ src/CoProduce.Web/
RUN dotnet publish src/CoProduce.Web/CoProduce.Web.csproj -c Release --no-restore -o /app/publish /p:UseAppHost=false

# ---- Run: the ASP.NET Core runtime, as the image's non-root "app" user, on port 8080.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app

# UK time zone data: without it every time shown would be in UTC.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata \
    && rm -rf /var/lib/apt/lists/*

COPY --from=build /app/publish .

# Chromium prints the easy-read PDFs. Ubuntu, which these images are built on, packages Chromium
# only as a snap, so Playwright's own build is installed (with the libraries it needs) and linked
# where the portal looks for it. Build with --build-arg PDF_CHROMIUM=false to leave it out: the
# portal then answers every PDF with a page saying it cannot be made (503), and emails go without.
ARG PDF_CHROMIUM=true
ENV PLAYWRIGHT_BROWSERS_PATH=/opt/ms-playwright
RUN if [ "$PDF_CHROMIUM" = "true" ]; then \
        apt-get update \
        && .playwright/node/linux-*/node .playwright/package/cli.js install --with-deps chromium \
        && ln -s "$(find "$PLAYWRIGHT_BROWSERS_PATH" -path '*/chrome-linux*/chrome' -type f | head -n 1)" /usr/bin/chromium \
        && test -x /usr/bin/chromium \
        && rm -rf /var/lib/apt/lists/*; \
    fi

# App_Data holds what is kept on local disk (the mail pickup folder when no SMTP host is set,
# evidence files, a SQLite database): the app user may write there, and nowhere else in /app.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data

USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "CoProduce.Web.dll"]
