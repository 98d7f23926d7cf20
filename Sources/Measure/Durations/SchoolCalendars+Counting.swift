import SaksgangCore

extension SchoolCalendars: SchoolDayCounting {}
