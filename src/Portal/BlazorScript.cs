using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Koppel.Portal;

/// <summary>
/// Serves <c>_framework/blazor.web.js</c>, the client script of interactive Blazor.
/// </summary>
/// <remarks>
/// Why: .NET 10 ships blazor.web.js only in the implicit package Microsoft.AspNetCore.App.Internal.Assets,
/// which this build's package feed does not have, so Portal.csproj turns the web assets off
/// (RequiresAspNetWebAssets=false). Instead it downloads the .NET 9 ASP.NET Core runtime pack and embeds its
/// Microsoft.AspNetCore.Components.Endpoints.dll, which carries the .NET 9 blazor.web.js as a manifest resource;
/// this class reads the script out of that dll once and serves it. A .NET 9 client talking to a .NET 10 server
/// is not a supported pairing, so the browser tests cover circuit start, events, input and reconnect.
///
/// How to delete it once the feed has Microsoft.AspNetCore.App.Internal.Assets: remove this file and the
/// <c>app.MapBlazorScript()</c> line in Program.cs; in Portal.csproj remove RequiresAspNetWebAssets, the
/// PackageDownload and the EmbeddedResource; in Components/App.razor change the script tag to
/// <c>@Assets["_framework/blazor.web.js"]</c>. MapStaticAssets then serves the framework's own script.
/// </remarks>
public static class BlazorScript
{
    private const string RoutePath = "/_framework/blazor.web.js";
    private const string EmbeddedDll = "BlazorJs.Net9.Endpoints.dll";
    private const string ScriptResource = "_framework/blazor.web.js";

    private static readonly Lazy<Script> Cached = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IEndpointRouteBuilder MapBlazorScript(this IEndpointRouteBuilder app)
    {
        app.MapMethods(RoutePath, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
        {
            var script = Cached.Value;
            var headers = context.Response.Headers;
            // The URL carries no fingerprint: let browsers keep it for a while but revalidate by ETag after that.
            headers.CacheControl = "public, max-age=3600, must-revalidate";
            headers.Vary = HeaderNames.AcceptEncoding;

            var acceptsGzip = context.Request.Headers.AcceptEncoding.Any(
                value => value?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
            if (acceptsGzip)
                headers.ContentEncoding = "gzip";

            return Results.Bytes(
                acceptsGzip ? script.Gzipped : script.Plain,
                "text/javascript; charset=utf-8",
                entityTag: acceptsGzip ? script.GzippedETag : script.PlainETag);
        }).ExcludeFromDescription().AllowAnonymous(); // the sign-in page needs it before anyone is signed in
        return app;
    }

    private sealed record Script(byte[] Plain, byte[] Gzipped, EntityTagHeaderValue PlainETag, EntityTagHeaderValue GzippedETag);

    private static Script Load()
    {
        var plain = ReadFromEmbeddedDll();
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(plain);
        var hash = Convert.ToHexStringLower(SHA256.HashData(plain))[..16];
        return new Script(plain, buffer.ToArray(), new EntityTagHeaderValue($"\"{hash}\""), new EntityTagHeaderValue($"\"{hash}-gz\""));
    }

    private static byte[] ReadFromEmbeddedDll()
    {
        using var dll = typeof(BlazorScript).Assembly.GetManifestResourceStream(EmbeddedDll)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedDll} is missing: see the remarks in BlazorScript.cs.");
        using var pe = new PEReader(dll);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != ScriptResource)
                continue;

            // Embedded resources live in the CLI resources section, each as a little-endian int32 length and the bytes.
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var section = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader();
            section.Offset = checked((int)resource.Offset);
            var length = section.ReadInt32();
            return section.ReadBytes(length);
        }
        throw new InvalidOperationException($"{EmbeddedDll} has no resource {ScriptResource}.");
    }
}
