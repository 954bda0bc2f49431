namespace TokenAdmin.Tokens;

public enum TokenState
{
    Active,

    /// <summary>Reset and living out its grace window: it works until it expires.</summary>
    Replaced,

    Expired,
}
