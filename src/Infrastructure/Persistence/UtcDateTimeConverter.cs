using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Koppel.Infrastructure.Persistence;

/// <summary>Stores timestamps as UTC and reads them back marked as UTC, whatever the provider returns.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
