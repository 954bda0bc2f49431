namespace TokenAdmin.Tokens;

public enum TokenState
{
    Active,
    Expired,
}
