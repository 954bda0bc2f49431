using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using TokenAdmin.Data;

namespace TokenAdmin.Tests.Data;

public sealed class DatabaseUnavailableTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { Server("57P01", "terminating connection due to administrator command"), true },
        { Server("53300", "sorry, too many clients already"), true },
        { Server("08006", "connection failure"), true },
        { new SqliteException("database is locked", 5), true },
        { new InvalidOperationException("transient failure", Server("57P03", "the system is starting up")), true },
        { Server("42601", "syntax error at or near \"SELEC\""), false },
        { Server("23505", "duplicate key value violates unique constraint"), false },
        { new SqliteException("no such table: Tokens", 1), false },
        { new InvalidOperationException("Sequence contains no elements"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void OnlyFailuresOfTheDatabaseItselfCountAsUnavailable(Exception failure, bool unavailable) =>
        Assert.Equal(unavailable, DatabaseUnavailable.Is(failure));

    [Fact]
    public void ReasonIsTheInnermostCause()
    {
        var failure = new InvalidOperationException("An exception has been raised that is likely due to a transient "
            + "failure.", new NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException(111)));

        Assert.Equal(new SocketException(111).Message, DatabaseUnavailable.Reason(failure));
    }

    private static PostgresException Server(string sqlState, string message) =>
        new(message, "FATAL", "FATAL", sqlState);
}
