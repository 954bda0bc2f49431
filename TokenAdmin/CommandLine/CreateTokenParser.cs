using TokenAdmin.Accounts;

namespace TokenAdmin.CommandLine;

public static class CreateTokenParser
{
    public static Outcome<IOperatorCommand> Parse(OptionReader options)
    {
        var accountId = options.AccountId();
        var name = options.Required(OptionNames.Name, "<name>");
        var grants = Grants(options);
        var expiry = Expiry(options);
        if (options.Error(OptionNames.Account, OptionNames.Name, OptionNames.Grant, OptionNames.ExpiresAt,
                OptionNames.NeverExpires) is { } error)
            return Outcome<IOperatorCommand>.Fail(error);

        return Outcome<IOperatorCommand>.Success(new CreateTokenCommand(accountId, name!, grants, expiry));
    }

    private static List<GrantRequest> Grants(OptionReader options)
    {
        var texts = options.All(OptionNames.Grant);
        if (texts.Count == 0)
            options.Fail($"{CommandParser.CreateTokens} needs at least one --grant {GrantArgument.Syntax}");

        var grants = new List<GrantRequest>();
        foreach (var grant in texts.Select(GrantArgument.Parse))
        {
            if (grant.Succeeded)
                grants.Add(grant.Value);
            else
                options.Fail(grant.Error!);
        }
        return grants;
    }

    private static RequestedExpiry Expiry(OptionReader options)
    {
        var at = options.Optional(OptionNames.ExpiresAt);
        var never = options.Has(OptionNames.NeverExpires);
        if (at is not null && never)
            options.Fail($"give --{OptionNames.ExpiresAt} or --{OptionNames.NeverExpires}, not both");
        if (at is null)
            return never ? new RequestedExpiry(null, Never: true) : RequestedExpiry.Default;

        var instant = ExpiryArgument.Parse(at);
        if (!instant.Succeeded)
            options.Fail(instant.Error!);
        return new RequestedExpiry(instant.Value, Never: false);
    }
}
