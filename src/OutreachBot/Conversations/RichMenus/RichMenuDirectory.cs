namespace OutreachBot.Conversations.RichMenus;

/// <summary>Which rich menu is each language's, once the provisioner has made sure they exist on LINE.</summary>
public sealed class RichMenuDirectory
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IReadOnlyDictionary<string, string> _menus = new Dictionary<string, string>();
    private volatile IReadOnlyDictionary<string, string> _disasterMenus = new Dictionary<string, string>();

    /// <summary>Language → rich menu id.</summary>
    public IReadOnlyDictionary<string, string> Menus => _menus;

    /// <summary>Language → the disaster menu's id.</summary>
    public IReadOnlyDictionary<string, string> DisasterMenus => _disasterMenus;

    /// <summary>Completes when the menus are provisioned (never, if LINE stays unreachable or menus are disabled).</summary>
    public Task Ready => _ready.Task;

    public string? MenuFor(string language) => _menus.GetValueOrDefault(language) ?? _menus.GetValueOrDefault(Languages.Japanese);

    public string? DisasterMenuFor(string language) => _disasterMenus.GetValueOrDefault(language) ?? _disasterMenus.GetValueOrDefault(Languages.Japanese);

    internal void Publish(IReadOnlyDictionary<string, string> menus, IReadOnlyDictionary<string, string> disasterMenus)
    {
        _menus = menus;
        _disasterMenus = disasterMenus;
        _ready.TrySetResult();
    }
}
