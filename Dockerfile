# The hub in a container (README, "Running in a container"): built with the .NET SDK, run on the ASP.NET Core
# runtime image as that image's non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Portal/Portal.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Only the SQLite default writes here (data/ next to the app); PostgreSQL and SQL Server keep everything in the database.
RUN mkdir -p /app/data && chown app /app/data
USER app
ENV ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Koppel.Portal.dll"]
