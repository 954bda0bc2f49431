using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TokenAdmin.Data;

/// <summary>Stores an instant as its UTC ticks and reads it back with a zero offset.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    instant => instant.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
