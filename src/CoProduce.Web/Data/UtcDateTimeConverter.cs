using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProduce.Web.Data;

/// <summary>Stores DateTime values as UTC and marks them UTC when read back.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
