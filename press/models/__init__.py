from press.models.contacts import (  # noqa: F401
    Beat,
    ContactList,
    ContactTag,
    ExportRecord,
    Journalist,
    LegalBasis,
    Outlet,
    OutletType,
    SavedFilter,
    Scope,
)
from press.models.distribution import (  # noqa: F401
    Delivery,
    DeliveryStatus,
    Distribution,
    DistributionStatus,
    Subscription,
)
from press.models.enquiries import (  # noqa: F401
    OPEN_STATUSES,
    EnquiryReply,
    EnquiryStatus,
    PressEnquiry,
)
from press.models.imports import ContactImport  # noqa: F401
from press.models.pages import (  # noqa: F401
    KitAttachment,
    KitImage,
    PressKitPage,
    PressReleasePage,
    PressRoomPage,
    ReleaseAttachment,
    ReleaseImage,
)
